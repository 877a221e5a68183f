import { randomUUID } from 'node:crypto';
import { useMigratedTestSchema } from '../testing/test-database';
import { Inbox } from './inbox.store';

const DAY_MS = 86_400_000;

describe('Inbox.pruneBatch (real PostgreSQL)', () => {
  const db = useMigratedTestSchema();
  const { schema } = db;
  const inbox = () => new Inbox(db.dataSource);

  /** Claims `count` fresh ids for `consumer` as if `daysAgo` days ago; returns them. */
  async function claimedDaysAgo(consumer: string, count: number, daysAgo: number): Promise<string[]> {
    const ids = Array.from({ length: count }, () => randomUUID());
    await db.dataSource.transaction((manager) => inbox().claim(manager, consumer, ids));
    await db.dataSource.query(`UPDATE "${schema}".inbox SET processed_at = $1 WHERE event_id = ANY($2::uuid[])`, [
      new Date(Date.now() - daysAgo * DAY_MS).toISOString(),
      ids,
    ]);
    return ids;
  }

  async function remaining(ids: string[]): Promise<number> {
    const [{ count }]: [{ count: string }] = await db.dataSource.query(
      `SELECT count(*) FROM "${schema}".inbox WHERE event_id = ANY($1::uuid[])`,
      [ids],
    );
    return Number(count);
  }

  it('deletes the rows of every consumer claimed before the cutoff, in batches, and keeps the newer ones', async () => {
    const old = [...(await claimedDaysAgo('scoring', 3, 20)), ...(await claimedDaysAgo('routing', 2, 15))];
    const recent = [...(await claimedDaysAgo('scoring', 2, 13)), ...(await claimedDaysAgo('routing', 1, 0))];
    const cutoff = new Date(Date.now() - 14 * DAY_MS);

    expect(await inbox().pruneBatch(cutoff, 2)).toBe(2);
    expect(await remaining(old)).toBe(3);
    expect(await inbox().pruneBatch(cutoff, 2)).toBe(2);
    expect(await inbox().pruneBatch(cutoff, 2)).toBe(1);
    expect(await inbox().pruneBatch(cutoff, 2)).toBe(0);

    expect(await remaining(old)).toBe(0);
    expect(await remaining(recent)).toBe(recent.length);
  });

  it('lets a pruned event id be claimed again, as a delivery past the horizon would be', async () => {
    const [id] = await claimedDaysAgo('scoring', 1, 30);
    await inbox().pruneBatch(new Date(Date.now() - 14 * DAY_MS), 100);
    const claimed = await db.dataSource.transaction((manager) => inbox().claim(manager, 'scoring', [id]));
    expect(claimed).toEqual(new Set([id]));
  });
});
