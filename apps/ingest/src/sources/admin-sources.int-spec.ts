import { randomUUID } from 'node:crypto';
import { hashWriteKey } from './source-credentials';
import type { IssuedSourceView, SourceView } from './source.dto';
import { type SourcesTestApp, startSourcesTestApp, TEST_ADMIN_TOKEN } from '../testing/sources-test-app';

interface AdminCase {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  status: number;
  response: unknown;
}

const withToken = (token: string) => ({ authorization: `Bearer ${token}` });
const ADMIN = withToken(TEST_ADMIN_TOKEN);
const unauthorized = (message: string) => ({ statusCode: 401, error: 'Unauthorized', message });
const MISSING_TOKEN = unauthorized('missing admin token: send Authorization: Bearer <token>');

const CASES: AdminCase[] = [
  { name: 'listing without a token', method: 'GET', path: '/admin/sources', status: 401, response: MISSING_TOKEN },
  {
    name: 'creating without a token',
    method: 'POST',
    path: '/admin/sources',
    body: { name: 'x' },
    status: 401,
    response: MISSING_TOKEN,
  },
  {
    name: 'a wrong token',
    method: 'GET',
    path: '/admin/sources',
    headers: withToken('not-the-admin-token'),
    status: 401,
    response: unauthorized('invalid admin token'),
  },
  {
    name: 'the token under another scheme',
    method: 'GET',
    path: '/admin/sources',
    headers: { authorization: `Basic ${Buffer.from(`${TEST_ADMIN_TOKEN}:`).toString('base64')}` },
    status: 401,
    response: MISSING_TOKEN,
  },
  {
    name: 'the token with a suffix',
    method: 'GET',
    path: '/admin/sources',
    headers: withToken(`${TEST_ADMIN_TOKEN}x`),
    status: 401,
    response: unauthorized('invalid admin token'),
  },
  {
    name: 'an empty name',
    method: 'POST',
    path: '/admin/sources',
    headers: ADMIN,
    body: { name: '   ' },
    status: 400,
    response: { statusCode: 400, error: 'Bad Request', message: ['name should not be empty'] },
  },
  {
    name: 'a name too long and an unknown field',
    method: 'POST',
    path: '/admin/sources',
    headers: ADMIN,
    body: { name: 'n'.repeat(201), writeKey: 'hk_mine' },
    status: 400,
    response: {
      statusCode: 400,
      error: 'Bad Request',
      message: ['property writeKey should not exist', 'name must be shorter than or equal to 200 characters'],
    },
  },
  {
    name: 'requireSignature that is not a boolean',
    method: 'POST',
    path: '/admin/sources',
    headers: ADMIN,
    body: { name: 'Forms', requireSignature: 'yes' },
    status: 400,
    response: { statusCode: 400, error: 'Bad Request', message: ['requireSignature must be a boolean value'] },
  },
  {
    name: 'an id that is not a uuid',
    method: 'GET',
    path: '/admin/sources/42',
    headers: ADMIN,
    status: 400,
    response: { statusCode: 400, error: 'Bad Request', message: 'Validation failed (uuid is expected)' },
  },
  {
    name: 'an unknown source',
    method: 'POST',
    path: '/admin/sources/00000000-0000-4000-8000-000000000000/revoke',
    headers: ADMIN,
    status: 404,
    response: {
      statusCode: 404,
      error: 'Not Found',
      message: 'source 00000000-0000-4000-8000-000000000000 not found',
    },
  },
];

describe('/admin/sources (real PostgreSQL and Redis)', () => {
  let app: SourcesTestApp;

  beforeAll(async () => {
    app = await startSourcesTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it.each(CASES.map((testCase) => [testCase.name, testCase] as const))('answers %s', async (_name, testCase) => {
    const response = await app.call(testCase.method, testCase.path, { headers: testCase.headers, body: testCase.body });
    expect({ status: response.status, body: response.body }).toEqual({
      status: testCase.status,
      body: testCase.response,
    });
  });

  it('creates a source, returning its write key once and storing only its SHA-256 and prefix', async () => {
    const response = await app.admin('POST', '/admin/sources', { name: '  Website  ' });
    const created = response.body as IssuedSourceView;
    expect(response.status).toBe(201);
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Website',
      writeKey: expect.stringMatching(/^hk_[A-Za-z0-9_-]{43}$/),
      keyPrefix: created.writeKey.slice(0, 10),
      status: 'active',
      requireSignature: false,
      createdAt: expect.any(String),
      revokedAt: null,
    });
    const [row] = await app.dataSource.query(`SELECT * FROM "${app.schema}".sources WHERE id = $1`, [created.id]);
    expect(row).toMatchObject({ write_key_hash: hashWriteKey(created.writeKey), signing_secret_encrypted: null });
    expect(JSON.stringify(row)).not.toContain(created.writeKey);
  });

  it('issues a signing secret to a source requiring signatures and stores it encrypted', async () => {
    const created = await app.createSource({ name: 'Webinars', requireSignature: true });
    expect(created.signingSecret).toMatch(/^hsec_[A-Za-z0-9_-]{43}$/);
    const [row] = await app.dataSource.query(`SELECT * FROM "${app.schema}".sources WHERE id = $1`, [created.id]);
    expect(row.require_signature).toBe(true);
    expect(row.signing_secret_encrypted).toEqual(expect.any(String));
    expect(JSON.stringify(row)).not.toContain(created.signingSecret);
  });

  it('lists and shows sources without keys, hashes or secrets', async () => {
    const created = await app.createSource({ name: 'Ads', requireSignature: true });
    const list = await app.admin('GET', '/admin/sources');
    const shown = await app.admin('GET', `/admin/sources/${created.id}`);
    const expected: SourceView = {
      id: created.id,
      name: 'Ads',
      keyPrefix: created.keyPrefix,
      status: 'active',
      requireSignature: true,
      createdAt: created.createdAt,
      revokedAt: null,
    };
    expect(list.status).toBe(200);
    expect(list.body).toEqual(expect.arrayContaining([expected]));
    expect(shown).toMatchObject({ status: 200, body: expected });
    for (const body of [JSON.stringify(list.body), JSON.stringify(shown.body)]) {
      expect(body).not.toMatch(/writeKey|signingSecret|hash|encrypted/i);
    }
  });

  it('revokes a source at once on this replica, keeping the first revocation time when repeated', async () => {
    const created = await app.createSource({ name: 'Old sync' });
    const headers = { 'x-api-key': created.writeKey };
    expect((await app.call('POST', '/test-ingest', { headers, body: {} })).status).toBe(200);

    const revoked = await app.admin('POST', `/admin/sources/${created.id}/revoke`);
    expect(revoked).toMatchObject({
      status: 200,
      body: { id: created.id, status: 'revoked', revokedAt: expect.any(String) },
    });
    const again = await app.admin('POST', `/admin/sources/${created.id}/revoke`);
    expect(again).toMatchObject({ status: 200, body: { revokedAt: (revoked.body as SourceView).revokedAt } });
    expect((await app.call('POST', '/test-ingest', { headers, body: {} })).status).toBe(403);
  });

  it('rotates a write key: the new key works and the old one is unknown at once on this replica', async () => {
    const created = await app.createSource({ name: 'CRM' });
    expect((await app.call('POST', '/test-ingest', { headers: { 'x-api-key': created.writeKey } })).status).toBe(200);

    const rotated = await app.admin('POST', `/admin/sources/${created.id}/rotate-key`);
    const fresh = rotated.body as IssuedSourceView;
    expect(rotated.status).toBe(200);
    expect(fresh).toMatchObject({ id: created.id, status: 'active', keyPrefix: fresh.writeKey.slice(0, 10) });
    expect(fresh.writeKey).not.toBe(created.writeKey);
    expect(fresh.signingSecret).toBeUndefined();

    const old = await app.call('POST', '/test-ingest', { headers: { 'x-api-key': created.writeKey } });
    expect(old).toMatchObject({ status: 401, body: { message: 'unknown write key' } });
    const now = await app.call('POST', '/test-ingest', { headers: { 'x-api-key': fresh.writeKey } });
    expect(now).toMatchObject({ status: 200, body: { sourceId: created.id } });
  });

  it('refuses to rotate the key of a revoked source', async () => {
    const created = await app.createSource({ name: 'Gone' });
    await app.admin('POST', `/admin/sources/${created.id}/revoke`);
    const response = await app.admin('POST', `/admin/sources/${created.id}/rotate-key`);
    expect(response).toMatchObject({
      status: 409,
      body: {
        statusCode: 409,
        error: 'Conflict',
        message: `source ${created.id} is revoked; create a new source instead`,
      },
    });
  });

  it('answers 404 for an unknown source id', async () => {
    const id = randomUUID();
    expect(await app.admin('GET', `/admin/sources/${id}`)).toMatchObject({ status: 404 });
    expect(await app.admin('POST', `/admin/sources/${id}/rotate-key`)).toMatchObject({ status: 404 });
  });

  it('leaves the table exactly as the entity describes it (no schema drift)', async () => {
    const pending = await app.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });
});
