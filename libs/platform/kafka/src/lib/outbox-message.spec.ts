import { ContractViolationError } from '@handoff/contracts';
import { testEvent, testTopic } from '../testing/test-event.fixture';
import { eventHeaders } from './event-producer';
import { outboxMessageOf } from './outbox-message';

describe('outboxMessageOf', () => {
  const topic = testTopic('unit.outbox.v1');

  it('carries the topic, the contract key, the event as JSON and the event headers', () => {
    const event = testEvent('lead-1', 3);
    expect(outboxMessageOf(topic, event)).toEqual({
      topic: 'unit.outbox.v1',
      key: 'lead-1',
      value: JSON.stringify(event),
      headers: eventHeaders(event),
    });
  });

  it('refuses an event the contract rejects, so it never reaches the outbox', () => {
    expect(() => outboxMessageOf(topic, { ...testEvent('lead-1', 0), sequence: -1 })).toThrow(ContractViolationError);
  });
});
