import { randomBytes } from 'node:crypto';
import type { IssuedSourceView } from '../sources/source.dto';
import { basicAuth, type IngestTestApp, startIngestTestApp } from '../testing/ingest-test-app';
import { OutputCapture } from '../testing/output-capture';

const ADMIN_TOKEN = `admin-token-${randomBytes(8).toString('hex')}`;

const output = new OutputCapture();
let ingest: IngestTestApp;
let source: IssuedSourceView;

beforeAll(async () => {
  output.start();
  ingest = await startIngestTestApp({ INGEST_ADMIN_TOKEN: ADMIN_TOKEN, LOG_LEVEL: 'info' });
  source = await ingest.createSource();
});

afterAll(async () => {
  try {
    await ingest?.close();
  } finally {
    output.stop();
  }
});

const identify = (body: object) => ingest.sendAccepted('/v1/identify', basicAuth(source.writeKey), body);
const lookup = (body: object, token = ADMIN_TOKEN) =>
  ingest.request('POST', '/leads/lookup', { body, headers: { authorization: `Bearer ${token}` } });
const newEmail = () => `Mary.Jackson.${randomBytes(4).toString('hex')}@Example.com`;

it('finds the lead of an email written in any case or with spaces, and never logs the address', async () => {
  const email = newEmail();
  const { leadId } = await identify({ userId: `user-${randomBytes(4).toString('hex')}`, traits: { email } });

  const found = await lookup({ email: `  ${email.toUpperCase()} ` });

  expect(found).toMatchObject({ status: 200, body: { leadId } });
  const written = output.chunks.join('').toLowerCase();
  expect(written).not.toContain(email.toLowerCase());
});

it('answers the surviving lead for the email of a lead merged into another', async () => {
  const email = newEmail();
  const userId = `user-${randomBytes(4).toString('hex')}`;
  const older = await identify({ userId, traits: { firstName: 'Mary' } });
  const newer = await identify({ anonymousId: `anon-${randomBytes(4).toString('hex')}`, traits: { email } });
  expect(newer.leadId).not.toBe(older.leadId);

  const merged = await identify({ userId, traits: { email } });

  expect(merged.leadId).toBe(older.leadId);
  expect(await lookup({ email })).toMatchObject({ status: 200, body: { leadId: older.leadId } });
});

it('finds a lead whose user id is the address itself, stored as its digest', async () => {
  const email = newEmail();
  const { leadId } = await identify({ userId: email });

  expect(await lookup({ email: email.toLowerCase() })).toMatchObject({ status: 200, body: { leadId } });
});

it('answers 404 for an address no lead has, and after the lead’s personal data was erased', async () => {
  const email = newEmail();
  const { leadId } = await identify({ userId: `user-${randomBytes(4).toString('hex')}`, traits: { email } });
  expect((await lookup({ email: newEmail() })).status).toBe(404);

  const erased = await ingest.request('DELETE', `/leads/${leadId}/personal-data`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });

  expect(erased.status).toBe(200);
  expect((await lookup({ email })).status).toBe(404);
});

it('answers 400 naming the email field when it is missing or not an address, and 401 without the admin token', async () => {
  const [missing, notAnAddress, wrongToken] = await Promise.all([
    lookup({}),
    lookup({ email: 'mary at example' }),
    lookup({ email: newEmail() }, 'not-the-token'),
  ]);

  expect([missing.status, notAnAddress.status, wrongToken.status]).toEqual([400, 400, 401]);
  for (const { body } of [missing, notAnAddress]) {
    expect(body).toMatchObject({ errors: [expect.objectContaining({ field: 'email' })] });
  }
});
