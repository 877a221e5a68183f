import { deadLetterRecord } from './dead-letter';
import {
  deadLetterTopicOf,
  DLQ_REPLAYED_FROM_HEADER,
  replayRecordOf,
  selectDeadLetters,
  toDeadLetter,
} from './dead-letter-selection';
import { PoisonMessageError } from './error-classification';
import type { FetchedMessage } from './kafka-record';

const original: FetchedMessage = {
  topic: 'engagement.recorded.v1',
  partition: 2,
  offset: '41',
  key: Buffer.from('lead-1'),
  value: Buffer.from('{"eventId":"e-1"}'),
  headers: { 'event-id': 'e-1', 'x-correlation-id': 'corr-1' },
};

/** A dead letter as the consumer writes it, read back from `<partition>/<offset>` of the dead-letter topic. */
function letterAt(partition: number, offset: string, error: Error, failedAt: string, kind: 'poison' | 'unclassified') {
  const written = deadLetterRecord(original, { error, kind, attempts: 2, failedAt: new Date(failedAt) });
  return toDeadLetter({
    topic: written.topic,
    partition,
    offset,
    key: written.key as Buffer,
    value: written.value as Buffer,
    headers: written.headers,
  });
}

const poisoned = letterAt(0, '5', new PoisonMessageError('lead unknown'), '2026-12-01T10:00:00Z', 'poison');
const exhausted = letterAt(0, '6', new Error('socket weirdness'), '2026-12-03T10:00:00Z', 'unclassified');
const elsewhere = letterAt(1, '5', new RangeError('Invalid time value'), '2026-12-04T10:00:00Z', 'poison');
const all = [poisoned, exhausted, elsewhere];

describe('toDeadLetter', () => {
  it('reads the original position, error, attempts and failure time from the dead-letter headers', () => {
    expect(poisoned).toMatchObject({
      originalTopic: 'engagement.recorded.v1',
      originalPartition: '2',
      originalOffset: '41',
      errorClass: 'poison/PoisonMessageError',
      errorMessage: 'lead unknown',
      attempts: '2',
      failedAt: '2026-12-01T10:00:00.000Z',
    });
  });
});

describe('selectDeadLetters', () => {
  it('selects all without criteria', () => {
    expect(selectDeadLetters(all, {})).toEqual(all);
  });

  it('selects by <partition>/<offset>, or by offset on any partition', () => {
    expect(selectDeadLetters(all, { positions: ['1/5'] })).toEqual([elsewhere]);
    expect(selectDeadLetters(all, { positions: ['5'] })).toEqual([poisoned, elsewhere]);
  });

  it('selects those that failed since an instant', () => {
    expect(selectDeadLetters(all, { since: new Date('2026-12-02T00:00:00Z') })).toEqual([exhausted, elsewhere]);
  });

  it('filters on the error class, the message, or either, ignoring case', () => {
    expect(selectDeadLetters(all, { filter: 'class:unclassified' })).toEqual([exhausted]);
    expect(selectDeadLetters(all, { filter: 'message:INVALID TIME' })).toEqual([elsewhere]);
    expect(selectDeadLetters(all, { filter: 'class:invalid time' })).toEqual([]);
    expect(selectDeadLetters(all, { filter: 'poison' })).toEqual([poisoned, elsewhere]);
  });

  it('combines criteria: every one must hold', () => {
    expect(selectDeadLetters(all, { filter: 'poison', since: new Date('2026-12-02T00:00:00Z') })).toEqual([elsewhere]);
  });
});

describe('replayRecordOf', () => {
  it('goes back to the original topic with the same key, value and headers, minus dlq-*, plus where it came from', () => {
    const record = replayRecordOf(elsewhere);

    expect(record).toEqual({
      topic: 'engagement.recorded.v1',
      key: original.key,
      value: original.value,
      headers: {
        'event-id': 'e-1',
        'x-correlation-id': 'corr-1',
        [DLQ_REPLAYED_FROM_HEADER]: 'engagement.recorded.v1.dlq/1/5',
      },
    });
  });

  it('refuses a record that names no original topic', () => {
    const stray = toDeadLetter({ ...original, topic: 'x.dlq', headers: {} });
    expect(() => replayRecordOf(stray)).toThrow('names no original topic');
  });
});

describe('deadLetterTopicOf', () => {
  it('accepts the original topic or its dead-letter topic', () => {
    expect(deadLetterTopicOf('engagement.recorded.v1')).toBe('engagement.recorded.v1.dlq');
    expect(deadLetterTopicOf('engagement.recorded.v1.dlq')).toBe('engagement.recorded.v1.dlq');
  });
});
