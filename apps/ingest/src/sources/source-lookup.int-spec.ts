import type { Registry } from 'prom-client';
import { generateWriteKey } from './source-credentials';
import { type SourcesTestApp, startSourcesTestApp } from '../testing/sources-test-app';

const EVENT = JSON.stringify({ type: 'track', event: 'Signed Up', userId: 'user-1' });
const LOCK_TIMEOUT_MS = 300;

const withKey = (writeKey: string) => ({ body: EVENT, headers: { 'x-api-key': writeKey } });

/** Database lookups of write keys so far, by result (handoff_ingest_source_lookups_total). */
async function lookups(metrics: Registry): Promise<Record<string, number>> {
  const metric = await metrics.getSingleMetric('handoff_ingest_source_lookups_total')?.get();
  return Object.fromEntries((metric?.values ?? []).map(({ labels, value }) => [String(labels['result']), value]));
}

async function lookupsAfter(app: SourcesTestApp, requests: () => Promise<void>): Promise<Record<string, number>> {
  const before = await lookups(app.metrics);
  await requests();
  const after = await lookups(app.metrics);
  return Object.fromEntries(
    Object.entries(after)
      .map(([result, count]) => [result, count - (before[result] ?? 0)])
      .filter(([, delta]) => delta !== 0),
  );
}

describe('write-key lookups (real PostgreSQL)', () => {
  let app: SourcesTestApp;

  beforeAll(async () => {
    app = await startSourcesTestApp({ DATABASE_LOCK_TIMEOUT_MS: String(LOCK_TIMEOUT_MS) });
  });

  afterAll(() => app.close());

  it('asks the database once for a key that a client repeats, unknown or revoked, and answers from memory after', async () => {
    const unknown = generateWriteKey();
    const revoked = await app.createSource({ name: 'Revoked' });
    await app.admin('POST', `/admin/sources/${revoked.id}/revoke`);

    const counted = await lookupsAfter(app, async () => {
      for (let request = 0; request < 20; request++) {
        expect((await app.call('POST', '/test-ingest', withKey(unknown))).status).toBe(401);
        expect((await app.call('POST', '/test-ingest', withKey(revoked.writeKey))).status).toBe(403);
      }
    });

    expect(counted).toEqual({ unknown: 1, revoked: 1 });
  });

  it('finds a source created after unknown keys were remembered', async () => {
    await app.call('POST', '/test-ingest', withKey(generateWriteKey()));
    const created = await app.createSource({ name: 'Created later' });

    const response = await app.call('POST', '/test-ingest', withKey(created.writeKey));

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ sourceId: created.id, name: 'Created later' });
  });

  it('answers 503 within the lock timeout, instead of hanging, while the sources table is locked', async () => {
    const locker = app.dataSource.createQueryRunner();
    await locker.connect();
    await locker.startTransaction();
    try {
      await locker.query(`LOCK TABLE "${app.schema}".sources IN ACCESS EXCLUSIVE MODE`);
      const response = await app.call('POST', '/test-ingest', withKey(generateWriteKey()));
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ message: 'source registry unavailable: nothing was accepted; retry' });
    } finally {
      await locker.rollbackTransaction();
      await locker.release();
    }
  });
});
