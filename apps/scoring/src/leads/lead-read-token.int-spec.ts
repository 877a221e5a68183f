import { randomUUID } from 'node:crypto';
import { exampleEvents } from '@handoff/contracts';
import { dropSchema, uniqueName } from '@handoff/testing';
import { ScoringBatch } from '../scoring/scoring-batch.service';
import {
  prepareScoringEnv,
  startScoringApp,
  TEST_SCORING_ADMIN_TOKEN,
  type ScoringTestApp,
} from '../testing/scoring-test-app';

const READ_TOKEN = 'scoring-int-test-read-token';
const schema = uniqueName('scoring_read_token_int');
prepareScoringEnv({
  DATABASE_SCHEMA: schema,
  SCORING_CONSUMERS_ENABLED: 'false',
  SCORING_SWEEP_ENABLED: 'false',
  SCORING_READ_TOKEN: READ_TOKEN,
});

const lead = randomUUID();
const READS = [
  `/leads/${lead}/score`,
  `/leads/${lead}/score/history`,
  `/leads/${lead}/score/history/export?format=csv`,
];
let service: ScoringTestApp;

const statusOf = async (path: string, authorization?: string) =>
  (await service.call('GET', path, authorization === undefined ? {} : { headers: { authorization } })).status;

beforeAll(async () => {
  service = await startScoringApp();
  const event = exampleEvents.engagementRecorded({ leadId: lead, type: 'email_click' });
  await service.app.get(ScoringBatch).applyEngagements([
    {
      value: event,
      key: lead,
      topic: 'engagement.recorded.v1',
      partition: 0,
      offset: '0',
      headers: {},
      correlationId: event.correlationId,
    },
  ]);
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await dropSchema(schema);
});

describe('lead-data reads with SCORING_READ_TOKEN set', () => {
  it.each(READS)('answers 401 to %s without a token or with a wrong one', async (path) => {
    expect(await statusOf(path)).toBe(401);
    expect(await statusOf(path, `Bearer ${READ_TOKEN}-wrong`)).toBe(401);
    expect(await statusOf(path, `Basic ${Buffer.from(`${READ_TOKEN}:`).toString('base64')}`)).toBe(401);
  });

  it.each(READS)('answers 200 to %s with the read token, and with the admin token', async (path) => {
    expect(await statusOf(path, `Bearer ${READ_TOKEN}`)).toBe(200);
    expect(await statusOf(path, `Bearer ${TEST_SCORING_ADMIN_TOKEN}`)).toBe(200);
  });

  it('checks the token before the id, so a caller without it learns nothing from a 400 or 404', async () => {
    expect(await statusOf('/leads/not-a-uuid/score')).toBe(401);
    expect(await statusOf(`/leads/${randomUUID()}/score`)).toBe(401);
  });

  it('keeps the operator endpoints on the admin token: the read token stores no model', async () => {
    const response = await service.call('POST', '/models', {
      body: {},
      headers: { authorization: `Bearer ${READ_TOKEN}` },
    });
    expect(response.status).toBe(401);
  });
});
