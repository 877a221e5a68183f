import type { DataSource, EntityManager } from 'typeorm';
import { Inbox } from './inbox.store';
import { Outbox } from './outbox.store';

function managerWith(isTransactionActive: boolean | undefined): {
  manager: EntityManager;
  query: jest.Mock;
} {
  const query = jest.fn().mockResolvedValue([]);
  const queryRunner = isTransactionActive === undefined ? undefined : { isTransactionActive };
  const connection = { options: { type: 'postgres', schema: 'ingest' } };
  return {
    manager: { queryRunner, connection, query } as unknown as EntityManager,
    query,
  };
}

const EVENT_ID = '0b9c3a52-8d1e-4c1f-9a57-6a1f3d0e2b11';
const MESSAGE = { topic: 'lead.scored.v1', key: 'lead-1', value: '{}' };
// Claims and adds run on the manager they are given; the store's own data source is only for pruning.
const inbox = new Inbox({} as DataSource);
const outbox = new Outbox();

describe('transaction guard', () => {
  it.each([undefined, false])('Inbox.claim refuses a manager outside a transaction (active=%s)', async (active) => {
    const { manager, query } = managerWith(active);
    await expect(inbox.claim(manager, 'scoring', [EVENT_ID])).rejects.toThrow(/inside the caller's transaction/);
    expect(query).not.toHaveBeenCalled();
  });

  it.each([undefined, false])('Outbox.add refuses a manager outside a transaction (active=%s)', async (active) => {
    const { manager, query } = managerWith(active);
    await expect(outbox.add(manager, [MESSAGE])).rejects.toThrow(/inside the caller's transaction/);
    expect(query).not.toHaveBeenCalled();
  });

  it('does not touch the database for empty batches', async () => {
    const { manager, query } = managerWith(undefined);
    await expect(inbox.claim(manager, 'scoring', [])).resolves.toEqual(new Set());
    await expect(outbox.add(manager, [])).resolves.toBeUndefined();
    expect(query).not.toHaveBeenCalled();
  });

  it('rejects ids that are not UUIDs before sending SQL, so the caller transaction stays usable', async () => {
    const { manager, query } = managerWith(true);
    await expect(inbox.claim(manager, 'scoring', [EVENT_ID, 'not-a-uuid'])).rejects.toThrow(/1 event id/);
    expect(query).not.toHaveBeenCalled();
  });

  it('issues one statement for a whole inbox batch, qualified with the service schema', async () => {
    const { manager, query } = managerWith(true);
    await inbox.claim(manager, 'scoring', [
      EVENT_ID,
      {
        eventId: EVENT_ID.replace('0b', '1b'),
        topic: 't',
        partition: 2,
        offset: '9',
      },
    ]);
    expect(query).toHaveBeenCalledTimes(1);
    expect(query.mock.calls[0][0]).toContain('"ingest"."inbox"');
  });
});
