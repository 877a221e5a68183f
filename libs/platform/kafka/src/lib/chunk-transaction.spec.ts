import type { Inbox, NewOutboxMessage, Outbox } from '@handoff/platform-database';
import type { DataSource, EntityManager } from 'typeorm';
import { consumedTestEvent, testEvent, testTopic, type TestEvent } from '../testing/test-event.fixture';
import { ChunkTransaction } from './chunk-transaction';

const topic = testTopic('unit.chunk.v1');
const manager = { marker: 'the chunk transaction' } as unknown as EntityManager;
const published: NewOutboxMessage = { topic: 'out.v1', key: 'k', value: '{}' };

const consumed = (value: TestEvent, offset: number) => consumedTestEvent(topic.name, value, offset, 2);

/** The transaction runs its callback with `manager`; the inbox has already seen the ids in `seen`. */
function setup(seen: readonly string[] = []) {
  const dataSource = { transaction: jest.fn((work: (m: EntityManager) => Promise<unknown>) => work(manager)) };
  const claim = jest.fn(async (_m: EntityManager, _consumer: string, entries: Array<{ eventId: string }>) => {
    return new Set(entries.map((entry) => entry.eventId).filter((id) => !seen.includes(id)));
  });
  const add = jest.fn(async () => undefined);
  const chunks = new ChunkTransaction(
    dataSource as unknown as DataSource,
    { claim } as unknown as Inbox,
    { add } as unknown as Outbox,
  );
  return { chunks, dataSource, claim, add };
}

describe('ChunkTransaction', () => {
  const [a, b, c] = [testEvent('lead-1', 0), testEvent('lead-1', 1), testEvent('lead-2', 0)];

  it('claims every event under the consumer name with its position, in the one transaction', async () => {
    const { chunks, dataSource, claim } = setup();
    await chunks.apply('scoring', [consumed(a, 7), consumed(b, 8)], async () => []);
    expect(dataSource.transaction).toHaveBeenCalledTimes(1);
    expect(claim).toHaveBeenCalledWith(manager, 'scoring', [
      { eventId: a.eventId, topic: topic.name, partition: 2, offset: '7' },
      { eventId: b.eventId, topic: topic.name, partition: 2, offset: '8' },
    ]);
  });

  it('hands the work only events not seen before, each once, in offset order, and stores what it returns', async () => {
    const { chunks, add } = setup([b.eventId]);
    const work = jest.fn(async () => [published]);
    const twiceA = { ...a, eventId: a.eventId.toUpperCase() };
    await chunks.apply('scoring', [consumed(a, 1), consumed(b, 2), consumed(twiceA, 3), consumed(c, 4)], work);
    expect(work).toHaveBeenCalledWith(manager, [consumed(a, 1), consumed(c, 4)]);
    expect(add).toHaveBeenCalledWith(manager, [published]);
  });

  it('does not call the work when every event was applied before', async () => {
    const { chunks, add } = setup([a.eventId]);
    const work = jest.fn(async () => [published]);
    await chunks.apply('scoring', [consumed(a, 1)], work);
    expect(work).not.toHaveBeenCalled();
    expect(add).not.toHaveBeenCalled();
  });

  it('lets a failure of the work through, so the transaction rolls back with the claims', async () => {
    const { chunks, add } = setup();
    await expect(
      chunks.apply('scoring', [consumed(a, 1)], async () => {
        throw new Error('lock timeout');
      }),
    ).rejects.toThrow('lock timeout');
    expect(add).not.toHaveBeenCalled();
  });
});
