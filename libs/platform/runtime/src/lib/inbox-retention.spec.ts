import { Inbox } from '@handoff/platform-database';
import type { DataSource } from 'typeorm';
import { InboxRetention } from './inbox-retention';

const DAY_MS = 86_400_000;

describe('InboxRetention', () => {
  const inbox = new Inbox({} as DataSource);
  afterEach(() => jest.restoreAllMocks());

  it('prunes batch after batch up to the retention cutoff until a batch comes back short', async () => {
    const pruneBatch = jest
      .spyOn(inbox, 'pruneBatch')
      .mockResolvedValueOnce(10)
      .mockResolvedValueOnce(10)
      .mockResolvedValue(3);
    const retention = new InboxRetention(inbox, { retentionDays: 14, batchSize: 10 });
    const now = new Date('2026-12-05T00:00:00Z');

    expect(await retention.prune(now)).toBe(23);

    expect(pruneBatch).toHaveBeenCalledTimes(3);
    expect(pruneBatch).toHaveBeenCalledWith(new Date(now.getTime() - 14 * DAY_MS), 10);
  });

  it('stops between batches once the service is shutting down', async () => {
    const retention = new InboxRetention(inbox, { retentionDays: 14, batchSize: 10 });
    const pruneBatch = jest.spyOn(inbox, 'pruneBatch').mockImplementation(async () => {
      await retention.beforeApplicationShutdown();
      return 10;
    });

    expect(await retention.prune()).toBe(10);
    expect(pruneBatch).toHaveBeenCalledTimes(1);
  });
});
