import { randomBytes, randomUUID } from 'node:crypto';
import { identityKeysOf } from '@handoff/domain-identity';
import { TEST_DATABASE_URL } from '@handoff/testing';
import { Client } from 'pg';
import { IDENTITY_LOCK_SPACE, identityLockKeys } from '../identity/identity-lock.util';
import type { IssuedSourceView } from '../sources/source.dto';
import { bearerAuth, type IngestTestApp, startIngestTestApp } from '../testing/ingest-test-app';
import type { BatchResponseBody } from './ingestion-result';

const LOCK_TIMEOUT_MS = 300;

let ingest: IngestTestApp;
let source: IssuedSourceView;

beforeAll(async () => {
  ingest = await startIngestTestApp({ DATABASE_LOCK_TIMEOUT_MS: String(LOCK_TIMEOUT_MS) });
  source = await ingest.createSource();
});

afterAll(async () => {
  await ingest?.close();
});

/** Runs `body` while another session holds the identity lock of `anonymousId`, as a long transaction would. */
async function whileIdentityLocked(anonymousId: string, body: () => Promise<void>): Promise<void> {
  const holder = new Client({ connectionString: TEST_DATABASE_URL });
  await holder.connect();
  try {
    await holder.query('BEGIN');
    const [lockKey] = identityLockKeys(identityKeysOf({ anonymousId }, { stripPlusTag: false }));
    await holder.query('SELECT pg_advisory_xact_lock($1, $2)', [IDENTITY_LOCK_SPACE, lockKey]);
    await body();
  } finally {
    await holder.query('ROLLBACK');
    await holder.end();
  }
}

it('answers 503 with Retry-After, instead of hanging, while a lock the request needs is held; the retry is recorded', async () => {
  const anonymousId = `anon-${randomBytes(5).toString('hex')}`;
  const event = { messageId: randomUUID(), type: 'page_view', identity: { anonymousId } };
  const send = () => ingest.request('POST', '/v1/events', { headers: bearerAuth(source.writeKey), body: event });

  await whileIdentityLocked(anonymousId, async () => {
    const refused = await send();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused.body).toMatchObject({ message: 'identity store unavailable: nothing was accepted; retry' });
  });

  const retried = await send();
  expect(retried.status).toBe(200);
  expect((retried.body as BatchResponseBody).results[0]).toMatchObject({ status: 'accepted' });
});
