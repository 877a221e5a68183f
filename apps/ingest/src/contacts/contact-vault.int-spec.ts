import { randomBytes, randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { type EngagementRecordedV1, Topics } from '@handoff/contracts';
import { TopicReader } from '@handoff/testing';
import { DataSource } from 'typeorm';
import { EncryptedTables, reencryptTable, SecretCipher } from '../sources';
import type { IssuedSourceView } from '../sources/source.dto';
import { basicAuth, bearerAuth, type IngestTestApp, startIngestTestApp } from '../testing/ingest-test-app';
import { OutputCapture } from '../testing/output-capture';
import { CONTACT_VAULT_TABLE } from './contacts.module';

const RECORDED = Topics.engagementRecorded.name;
const CONTACT_TOKEN = `contact-token-${randomBytes(8).toString('hex')}`;
const ADMIN_TOKEN = `admin-token-${randomBytes(8).toString('hex')}`;
const SECRET_KEY = `secret-key-${randomBytes(8).toString('hex')}`;

const output = new OutputCapture();
let ingest: IngestTestApp;
let source: IssuedSourceView;
let reader: TopicReader;

beforeAll(async () => {
  output.start();
  ingest = await startIngestTestApp({
    INGEST_CONTACT_TOKEN: CONTACT_TOKEN,
    INGEST_ADMIN_TOKEN: ADMIN_TOKEN,
    INGEST_SECRET_KEY: SECRET_KEY,
    LOG_LEVEL: 'info',
  });
  [source, reader] = await Promise.all([ingest.createSource(), TopicReader.startAtEnd([RECORDED])]);
});

afterAll(async () => {
  try {
    await Promise.all([reader?.stop(), ingest?.close()]);
  } finally {
    output.stop();
  }
});

const identify = (body: object) => ingest.sendAccepted('/v1/identify', basicAuth(source.writeKey), body);
const native = (body: object) => ingest.sendAccepted('/v1/events', bearerAuth(source.writeKey), body);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const readContact = (leadId: string, token = CONTACT_TOKEN) =>
  ingest.request('GET', `/leads/${leadId}/contact`, { headers: bearer(token) });
const erase = (leadId: string, token = ADMIN_TOKEN) =>
  ingest.request('DELETE', `/leads/${leadId}/personal-data`, { headers: bearer(token) });

function newPerson() {
  const id = randomBytes(4).toString('hex');
  return {
    anonymousId: `anon-${id}`,
    email: `Mary.Jackson.${id}@Example.com`,
    firstName: `Mary${id}`,
    lastName: `Jackson${id}`,
    phone: `+1 555 ${parseInt(id, 16) % 10000}`,
  };
}

const auditLines = (msg: string, leadId: string) =>
  output.entries().filter((entry) => entry['msg'] === msg && entry['leadId'] === leadId);

it('keeps the contact details of an identify call and returns them with the contact token, auditing the fields without their values', async () => {
  const person = newPerson();
  const { leadId } = await identify({
    anonymousId: person.anonymousId,
    traits: {
      email: person.email,
      firstName: person.firstName,
      lastName: person.lastName,
      phone: person.phone,
      company: 'NACA',
      title: 'Engineer',
    },
  });

  const response = await readContact(leadId);

  expect(response.status).toBe(200);
  expect(response.body).toEqual({
    leadId,
    contact: {
      email: person.email,
      firstName: person.firstName,
      lastName: person.lastName,
      phone: person.phone,
      company: 'NACA',
      title: 'Engineer',
    },
  });
  const audit = auditLines('contact details read', leadId);
  expect(audit).toEqual([
    expect.objectContaining({
      scope: 'contact',
      fields: ['email', 'firstName', 'lastName', 'phone', 'company', 'title'],
    }),
  ]);
  const logged = output.lines().join('\n').toLowerCase();
  for (const value of [person.email, person.firstName, person.lastName, person.phone]) {
    expect(logged).not.toContain(value.toLowerCase());
  }
  const [stored] = await vaultRows(leadId);
  expect(stored.toLowerCase()).not.toContain(person.lastName.toLowerCase());
});

it('answers 401 without the contact token, with a wrong one and with the admin token', async () => {
  const person = newPerson();
  const { leadId } = await identify({ anonymousId: person.anonymousId, traits: { email: person.email } });

  const answers = await Promise.all([
    ingest.request('GET', `/leads/${leadId}/contact`),
    readContact(leadId, 'not-the-contact-token'),
    readContact(leadId, ADMIN_TOKEN),
  ]);

  expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401]);
  expect(JSON.stringify(answers.map((answer) => answer.body))).not.toContain(person.email);
});

it('answers 404 for a lead nobody has and 400 for an id that is not a UUID', async () => {
  expect((await readContact(randomUUID())).status).toBe(404);
  expect((await readContact('not-a-uuid')).status).toBe(400);
});

it('keeps the latest value of each field, and combines the details of merged leads under the survivor', async () => {
  const person = newPerson();
  const visitor = await native({
    type: 'form_submit',
    identity: { anonymousId: person.anonymousId },
    occurredAt: '2026-12-01T10:00:00.000Z',
    profile: { title: 'Engineer', traits: { mobile: person.phone } },
  });
  const known = await native({
    type: 'email_open',
    identity: { email: person.email },
    occurredAt: '2026-12-01T11:00:00.000Z',
    profile: { firstName: person.firstName, title: 'Director' },
  });
  // An older event arriving late does not overwrite the later title.
  await native({
    type: 'email_click',
    identity: { email: person.email },
    occurredAt: '2026-12-01T09:00:00.000Z',
    profile: { title: 'Intern', lastName: person.lastName },
  });
  const merged = await identify({ anonymousId: person.anonymousId, traits: { email: person.email } });
  expect(merged.leadId).toBe(known.leadId);

  const expected = {
    leadId: known.leadId,
    contact: {
      email: person.email,
      firstName: person.firstName,
      lastName: person.lastName,
      phone: person.phone,
      title: 'Director',
    },
  };
  expect((await readContact(known.leadId)).body).toEqual(expected);
  expect((await readContact(visitor.leadId)).body).toEqual(expected);
});

it('erases a lead with the admin token: later reads answer 410 saying when, and its later events still record under it', async () => {
  const person = newPerson();
  const { leadId } = await identify({
    anonymousId: person.anonymousId,
    traits: { email: person.email, firstName: person.firstName, phone: person.phone },
  });

  expect((await erase(leadId, CONTACT_TOKEN)).status).toBe(401);
  const erasure = await erase(leadId);
  const again = await erase(leadId);

  expect(erasure.status).toBe(200);
  expect(erasure.body).toEqual({ leadId, erasedAt: expect.any(String), erasedLeadIds: [leadId] });
  expect(again.body).toEqual(erasure.body);
  const { erasedAt } = erasure.body as { erasedAt: string };
  const gone = await readContact(leadId);
  expect(gone.status).toBe(410);
  expect(gone.body).toEqual({ statusCode: 410, error: 'Gone', message: expect.stringContaining(erasedAt) });
  expect(auditLines('contact details read', leadId)).toEqual([
    expect.objectContaining({ scope: 'contact', fields: [], refused: 'contact_erased' }),
  ]);
  expect(await vaultRows(leadId)).toEqual([]);
  expect(await emailLinkCount(leadId)).toBe(0);
  expect(auditLines('personal data erased', leadId)).toEqual([
    expect.objectContaining({ scope: 'admin', erasedLeadIds: [leadId] }),
    expect.objectContaining({ scope: 'admin', erasedLeadIds: [leadId] }),
  ]);

  const later = await identify({
    anonymousId: person.anonymousId,
    traits: { email: person.email, lastName: person.lastName },
  });
  expect(later.leadId).toBe(leadId);
  const [recorded] = await reader.waitForValues<EngagementRecordedV1>(RECORDED, (e) => e.eventId === later.eventId);
  expect(recorded.leadId).toBe(leadId);
  expect((await readContact(leadId)).status).toBe(410);
  expect(await vaultRows(leadId)).toEqual([]);
});

it('drops the details of a lead merged into an erased lead: the same person asked to be forgotten', async () => {
  const person = newPerson();
  const userId = `user-${randomUUID()}`;
  const erased = await identify({ userId, traits: { firstName: person.firstName } });
  expect((await erase(erased.leadId)).status).toBe(200);
  const visitor = await native({
    type: 'form_submit',
    identity: { anonymousId: person.anonymousId },
    profile: { lastName: person.lastName, traits: { phone: person.phone } },
  });
  expect((await readContact(visitor.leadId)).status).toBe(200);

  const merged = await identify({ anonymousId: person.anonymousId, userId, traits: { title: 'Engineer' } });

  expect(merged.leadId).toBe(erased.leadId);
  expect((await readContact(visitor.leadId)).status).toBe(410);
  expect(await vaultRows(visitor.leadId)).toEqual([]);
});

it('is re-encrypted with the other encrypted tables when INGEST_SECRET_KEY changes; an entry no key opens answers 503, and events still record', async () => {
  const person = newPerson();
  const { leadId } = await identify({ anonymousId: person.anonymousId, traits: { firstName: person.firstName } });
  const nextKey = `next-secret-key-${randomBytes(8).toString('hex')}`;

  // The pass a restart with INGEST_SECRET_KEY=nextKey and INGEST_SECRET_KEY_PREVIOUS=<the app's key> runs.
  expect(ingest.get(EncryptedTables).all()).toContainEqual(CONTACT_VAULT_TABLE);
  const reencryptVault = (cipher: SecretCipher) =>
    reencryptTable(ingest.get(DataSource), CONTACT_VAULT_TABLE, cipher, new Logger('test'));
  const count = await reencryptVault(new SecretCipher(nextKey, SECRET_KEY));
  try {
    expect(count.reencrypted).toBeGreaterThanOrEqual(1);
    const [sealed] = await vaultRows(leadId);
    expect(JSON.parse(new SecretCipher(nextKey).decrypt(sealed, leadId))).toMatchObject({
      firstName: { value: person.firstName },
    });
    // The app still runs with the old key only: the entry is now beyond it.
    const misconfigured = await readContact(leadId);
    expect(misconfigured.status).toBe(503);
    expect(JSON.stringify(misconfigured.body)).not.toContain(person.firstName);
    const later = await identify({ anonymousId: person.anonymousId, traits: { lastName: person.lastName } });
    expect(later.leadId).toBe(leadId);
    expect(await vaultRows(leadId)).toEqual([sealed]);
  } finally {
    // Back under the app's key, so the vault's other entries stay readable for the other tests.
    await reencryptVault(new SecretCipher(SECRET_KEY, nextKey));
  }
});

it('answers 404 to the erasure of a lead nobody has', async () => {
  expect((await erase(randomUUID())).status).toBe(404);
});

/** The sealed vault entries of a lead (none once erased). */
async function vaultRows(leadId: string): Promise<string[]> {
  const rows: { sealed: string }[] = await ingest.query(
    'SELECT sealed FROM contact_vault WHERE lead_id = $1 AND sealed IS NOT NULL',
    [leadId],
  );
  return rows.map((row) => row.sealed);
}

async function emailLinkCount(leadId: string): Promise<number> {
  const [{ n }]: { n: number }[] = await ingest.query(
    `SELECT count(*)::int AS n FROM identity_links WHERE lead_id = $1 AND (kind = 'email' OR value ~ '^[0-9a-f]{64}$')`,
    [leadId],
  );
  return n;
}
