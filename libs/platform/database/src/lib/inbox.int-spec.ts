import { randomUUID } from 'node:crypto';
import { useMigratedTestSchema, waitUntilBlockedOnLock } from '../testing/test-database';
import { InboxRecord } from './inbox-record.entity';
import { Inbox } from './inbox.store';

class RollBack extends Error {}

describe('Inbox.claim (real PostgreSQL)', () => {
  const db = useMigratedTestSchema();
  const { schema } = db;
  const inbox = () => new Inbox(db.dataSource);

  function claim(consumer: string, ids: Parameters<Inbox['claim']>[2]): Promise<Set<string>> {
    return db.dataSource.transaction((manager) => inbox().claim(manager, consumer, ids));
  }

  it('returns every id of a first delivery, in one batch', async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    expect(await claim('scoring', ids)).toEqual(new Set(ids));
  });

  it('rejects redelivered ids and returns only the new ones', async () => {
    const seen = [randomUUID(), randomUUID()];
    await claim('scoring', seen);
    const fresh = randomUUID();
    expect(await claim('scoring', [seen[0], fresh, seen[1]])).toEqual(new Set([fresh]));
    expect(await claim('scoring', [fresh])).toEqual(new Set());
  });

  it('claims an id repeated inside one batch once', async () => {
    const id = randomUUID();
    expect(await claim('scoring', [id, id])).toEqual(new Set([id]));
  });

  it('keeps claims per consumer, so two consumers of one event both apply it', async () => {
    const id = randomUUID();
    expect(await claim('scoring', [id])).toEqual(new Set([id]));
    expect(await claim('routing', [id])).toEqual(new Set([id]));
  });

  it('releases the claim when the transaction rolls back, so redelivery applies the event', async () => {
    const id = randomUUID();
    const failedApply = db.dataSource.transaction(async (manager) => {
      expect(await inbox().claim(manager, 'scoring', [id])).toEqual(new Set([id]));
      throw new RollBack('state change failed');
    });
    await expect(failedApply).rejects.toBeInstanceOf(RollBack);
    expect(await claim('scoring', [id])).toEqual(new Set([id]));
  });

  /** Claims `id` in a transaction that stays open until the returned `finish` is called. */
  async function holdClaim(id: string): Promise<{
    claimed: Set<string>;
    finish: (outcome: 'commit' | 'rollback') => Promise<void>;
  }> {
    let finishTransaction: (outcome: 'commit' | 'rollback') => void = () => undefined;
    let claimed: (ids: Set<string>) => void = () => undefined;
    const claimedIds = new Promise<Set<string>>((resolve) => (claimed = resolve));
    const transaction = db.dataSource
      .transaction(async (manager) => {
        claimed(await inbox().claim(manager, 'scoring', [id]));
        const outcome = await new Promise<string>((resolve) => (finishTransaction = resolve));
        if (outcome === 'rollback') throw new RollBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RollBack)) throw error;
      });
    return {
      claimed: await claimedIds,
      finish: async (outcome) => {
        finishTransaction(outcome);
        await transaction;
      },
    };
  }

  it('makes a concurrent claim of the same id wait for the first and lose if it commits', async () => {
    const id = randomUUID();
    const first = await holdClaim(id);
    const second = claim('scoring', [id]);
    await waitUntilBlockedOnLock(db.dataSource, schema);
    await first.finish('commit');
    expect(first.claimed).toEqual(new Set([id]));
    expect(await second).toEqual(new Set());
  });

  it('makes a concurrent claim of the same id wait for the first and win if it rolls back', async () => {
    const id = randomUUID();
    const first = await holdClaim(id);
    const second = claim('scoring', [id]);
    await waitUntilBlockedOnLock(db.dataSource, schema);
    await first.finish('rollback');
    expect(await second).toEqual(new Set([id]));
  });

  it('returns ids spelled as the caller gave them', async () => {
    const id = randomUUID().toUpperCase();
    expect(await claim('scoring', [id])).toEqual(new Set([id]));
    expect(await claim('scoring', [id.toLowerCase()])).toEqual(new Set());
  });

  it('stores where each claimed event came from', async () => {
    const id = randomUUID();
    await claim('quota', [
      {
        eventId: id,
        topic: 'sales.activity.v1',
        partition: 3,
        offset: '9007199254740993',
      },
    ]);
    const record = await db.dataSource.getRepository(InboxRecord).findOneByOrFail({ consumer: 'quota', eventId: id });
    expect(record).toMatchObject({
      topic: 'sales.activity.v1',
      partition: 3,
      offset: '9007199254740993',
    });
    expect(record.processedAt).toBeInstanceOf(Date);
  });
});
