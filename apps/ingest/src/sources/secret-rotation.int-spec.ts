import { randomBytes } from 'node:crypto';
import { waitFor } from '@handoff/testing';
import { signRequest } from './request-signature';
import { SecretCipher } from './secret-cipher';
import type { IssuedSourceView } from './source.dto';
import { type SourcesTestApp, startSourcesTestApp } from '../testing/sources-test-app';

const EVENT = JSON.stringify({ type: 'track', event: 'Signed Up', userId: 'user-1' });
const GRACE_SECONDS = 4;
const OLD_KEY = 'secret-rotation-int-old-key';
const NEW_KEY = 'secret-rotation-int-new-key';

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The status of an ingestion request by `source`, signed with `secret`. */
async function sendSigned(app: SourcesTestApp, source: IssuedSourceView, secret: string): Promise<number> {
  const timestamp = nowSeconds();
  const headers = {
    'x-api-key': source.writeKey,
    'x-handoff-timestamp': String(timestamp),
    'x-handoff-signature': signRequest(secret, EVENT, timestamp),
  };
  return (await app.call('POST', '/test-ingest', { headers, body: EVENT })).status;
}

async function storedSecrets(app: SourcesTestApp, id: string): Promise<{ current: string; previous: string | null }> {
  const [row] = await app.dataSource.query(
    `SELECT signing_secret_encrypted AS current, previous_signing_secret_encrypted AS previous FROM sources WHERE id = $1`,
    [id],
  );
  return row;
}

describe('rotating a source’s signing secret', () => {
  let app: SourcesTestApp;

  beforeAll(async () => {
    app = await startSourcesTestApp({ INGEST_SIGNING_SECRET_GRACE_SECONDS: String(GRACE_SECONDS) });
  });

  afterAll(() => app?.close());

  const rotate = (id: string) => app.admin('POST', `/admin/sources/${id}/signing-secret/rotate`);

  it('returns the new secret once and accepts both secrets during the grace period, only the new one after', async () => {
    const source = await app.createSource({ name: 'Rotating', requireSignature: true });
    const oldSecret = source.signingSecret ?? '';
    const before = Date.now();
    const rotated = await rotate(source.id);
    const body = rotated.body as { signingSecret: string; previousSigningSecretValidUntil: string };

    expect(rotated.status).toBe(200);
    expect(body).toMatchObject({ id: source.id, signingSecret: expect.stringMatching(/^hsec_/) });
    expect(body.signingSecret).not.toBe(oldSecret);
    expect(Date.parse(body.previousSigningSecretValidUntil)).toBeGreaterThanOrEqual(
      before + GRACE_SECONDS * 1000 - 1000,
    );
    expect(await sendSigned(app, source, body.signingSecret)).toBe(200);
    expect(await sendSigned(app, source, oldSecret)).toBe(200);

    await waitFor('the previous secret to expire', async () => (await sendSigned(app, source, oldSecret)) === 401, {
      timeoutMs: 20_000,
      intervalMs: 250,
    });
    expect(await sendSigned(app, source, body.signingSecret)).toBe(200);
  });

  it('keeps only the secret just replaced: a second rotation ends the first secret at once', async () => {
    const source = await app.createSource({ name: 'Rotated twice', requireSignature: true });
    const first = source.signingSecret ?? '';
    const second = ((await rotate(source.id)).body as { signingSecret: string }).signingSecret;
    const third = ((await rotate(source.id)).body as { signingSecret: string }).signingSecret;

    expect(await sendSigned(app, source, first)).toBe(401);
    expect(await sendSigned(app, source, second)).toBe(200);
    expect(await sendSigned(app, source, third)).toBe(200);
  });

  it('stores the new secret encrypted, never in clear', async () => {
    const source = await app.createSource({ name: 'Stored', requireSignature: true });
    const { signingSecret } = (await rotate(source.id)).body as { signingSecret: string };
    const row = await storedSecrets(app, source.id);

    expect(JSON.stringify(row)).not.toContain(signingSecret);
    expect(new SecretCipher('sources-int-test-secret-key').decrypt(row.current, source.id)).toBe(signingSecret);
  });

  it('gives a source without a secret its first one, with no previous secret', async () => {
    const source = await app.createSource({ name: 'Unsigned' });
    const rotated = await rotate(source.id);

    expect(rotated.body).toMatchObject({
      signingSecret: expect.stringMatching(/^hsec_/),
      previousSigningSecretValidUntil: null,
    });
  });

  it('answers 409 for a revoked source, 404 for an unknown one and 401 without the admin token', async () => {
    const source = await app.createSource({ name: 'Revoked', requireSignature: true });
    await app.admin('POST', `/admin/sources/${source.id}/revoke`);

    expect((await rotate(source.id)).status).toBe(409);
    expect((await rotate('0b6f2c7e-4a51-4a2d-9d3e-6f1e2a3b4c5d')).status).toBe(404);
    expect((await app.call('POST', `/admin/sources/${source.id}/signing-secret/rotate`)).status).toBe(401);
  });
});

describe('changing INGEST_SECRET_KEY', () => {
  let schema: string;
  let app: SourcesTestApp | undefined;

  /** Each test restarts the app on its own schema with the settings of each step of a key change. */
  const restartWith = async (env: Record<string, string>) => {
    await app?.stop();
    app = await startSourcesTestApp(env, { schema });
    return app;
  };

  /** A signed source whose secret was written under the old key, as before the key change. */
  const sourceUnderOldKey = async (): Promise<IssuedSourceView> =>
    (await restartWith({ INGEST_SECRET_KEY: OLD_KEY })).createSource({ name: 'Keyed', requireSignature: true });

  beforeEach(() => {
    schema = `ingest_test_${randomBytes(5).toString('hex')}`;
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('re-encrypts at boot under the new key while the previous key is set, and keeps signed requests working', async () => {
    const source = await sourceUnderOldKey();
    const running = await restartWith({ INGEST_SECRET_KEY: NEW_KEY, INGEST_SECRET_KEY_PREVIOUS: OLD_KEY });
    const { current } = await storedSecrets(running, source.id);

    expect(new SecretCipher(NEW_KEY).decrypt(current, source.id)).toBe(source.signingSecret);
    expect(await sendSigned(running, source, source.signingSecret ?? '')).toBe(200);
    const report = await running.admin('POST', '/admin/secret-key/reencrypt');
    expect(report).toMatchObject({ status: 200, body: { tables: { sources: { reencrypted: 0, undecryptable: 0 } } } });
  });

  it('re-encrypts on demand a value written under the previous key after boot, having read it meanwhile', async () => {
    const running = await restartWith({ INGEST_SECRET_KEY: NEW_KEY, INGEST_SECRET_KEY_PREVIOUS: OLD_KEY });
    const late = await running.createSource({ name: 'Late', requireSignature: true });
    await running.dataSource.query(`UPDATE sources SET signing_secret_encrypted = $1 WHERE id = $2`, [
      new SecretCipher(OLD_KEY).encrypt(late.signingSecret ?? '', late.id),
      late.id,
    ]);

    expect(await sendSigned(running, late, late.signingSecret ?? '')).toBe(200);
    const report = await running.admin('POST', '/admin/secret-key/reencrypt');
    expect(report.body).toEqual({ tables: { sources: { reencrypted: 1, undecryptable: 0 } } });
    const { current } = await storedSecrets(running, late.id);
    expect(new SecretCipher(NEW_KEY).decrypt(current, late.id)).toBe(late.signingSecret);
  });

  it('works with the new key alone once the pass ran and the previous key is removed', async () => {
    const source = await sourceUnderOldKey();
    await restartWith({ INGEST_SECRET_KEY: NEW_KEY, INGEST_SECRET_KEY_PREVIOUS: OLD_KEY });
    const running = await restartWith({ INGEST_SECRET_KEY: NEW_KEY });

    expect(await sendSigned(running, source, source.signingSecret ?? '')).toBe(200);
  });

  it('answers 503 "source misconfigured", not a 500, when neither key opens a source’s secret', async () => {
    const source = await sourceUnderOldKey();
    const running = await restartWith({ INGEST_SECRET_KEY: NEW_KEY });
    const timestamp = nowSeconds();
    const response = await running.call('POST', '/test-ingest', {
      headers: {
        'x-api-key': source.writeKey,
        'x-handoff-timestamp': String(timestamp),
        'x-handoff-signature': signRequest(source.signingSecret ?? '', EVENT, timestamp),
      },
      body: EVENT,
    });

    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ statusCode: 503, message: expect.stringMatching(/^source misconfigured/) });
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts|hsec_/);
  });

  it('counts, without failing the pass, a value neither key opens', async () => {
    const source = await sourceUnderOldKey();
    const running = await restartWith({
      INGEST_SECRET_KEY: NEW_KEY,
      INGEST_SECRET_KEY_PREVIOUS: 'a-third-key-nobody-has',
    });
    const report = await running.admin('POST', '/admin/secret-key/reencrypt');

    expect(report.body).toEqual({ tables: { sources: { reencrypted: 0, undecryptable: 1 } } });
    expect((await storedSecrets(running, source.id)).current).toBeTruthy();
  });

  it('runs one pass per schema at a time: while another replica holds the lock, the on-demand pass answers 409', async () => {
    const running = await restartWith({ INGEST_SECRET_KEY: NEW_KEY, INGEST_SECRET_KEY_PREVIOUS: OLD_KEY });
    const otherReplica = running.dataSource.createQueryRunner();
    await otherReplica.connect();
    try {
      await otherReplica.query(`SELECT pg_advisory_lock($1, hashtext($2))`, [0x736b6579, schema]);
      expect((await running.admin('POST', '/admin/secret-key/reencrypt')).status).toBe(409);
      await otherReplica.query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [0x736b6579, schema]);
      expect((await running.admin('POST', '/admin/secret-key/reencrypt')).status).toBe(200);
    } finally {
      await otherReplica.release();
    }
  });
});
