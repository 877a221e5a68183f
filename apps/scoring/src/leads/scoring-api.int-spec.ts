import { randomUUID } from 'node:crypto';
import { stringify } from 'yaml';
import { type EngagementRecordedV1, exampleEvents, type RecordedProfileV1, instantClock } from '@handoff/contracts';
import type { ActivityType } from '@handoff/shared-vocabulary';
import { DAY_MS, DEFAULT_EXACT_HISTORY_DAYS, type BacktestReport } from '@handoff/domain-scoring';
import type { ConsumedMessage } from '@handoff/platform-kafka';
import { dropSchema, uniqueName } from '@handoff/testing';
import type { ModelSummary, ModelView } from '../models/model-registry.service';
import { ScoringBatch } from '../scoring/scoring-batch.service';
import { DecaySweep } from '../sweep/decay-sweep.service';
import { HistoryRetention } from '../sweep/history-retention.service';
import { DEFAULT_SCORING_MODEL } from '../testing/default-model';
import {
  prepareScoringEnv,
  startScoringApp,
  TEST_SCORING_ADMIN_TOKEN,
  type ScoringTestApp,
} from '../testing/scoring-test-app';
import type { HistoryPage } from './lead-score.service';
import type { ScoreView } from './score-view';

const schema = uniqueName('scoring_api_int');
prepareScoringEnv({
  DATABASE_SCHEMA: schema,
  // Inputs are applied through the batch service directly: this file tests what sits behind the consumer.
  SCORING_CONSUMERS_ENABLED: 'false',
  SCORING_SWEEP_ENABLED: 'false',
});

const NOW = new Date().toISOString();
/** Inputs a second apart, so their event-time order (which caps follow) is the order they are recorded in. */
const secondsBeforeNow = (seconds: number) => new Date(Date.parse(NOW) - seconds * 1000).toISOString();
const goodFit: RecordedProfileV1 = { industry: 'software', employeeCount: 300, seniority: 'vp' };
let service: ScoringTestApp;
let offset = 0;

const consumed = (value: EngagementRecordedV1): ConsumedMessage<EngagementRecordedV1> => ({
  value,
  key: value.leadId,
  topic: 'engagement.recorded.v1',
  partition: 0,
  offset: String(offset++),
  headers: {},
  correlationId: value.correlationId,
});

async function record(leadId: string, types: ActivityType[], profile?: RecordedProfileV1): Promise<void> {
  const events = types.map((type, index) =>
    exampleEvents.engagementRecorded({
      leadId,
      type,
      occurredAt: secondsBeforeNow(types.length - index),
      ...(index === 0 && profile ? { profile } : {}),
    }),
  );
  await service.app.get(ScoringBatch).applyEngagements(events.map(consumed));
}

beforeAll(async () => {
  service = await startScoringApp();
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await dropSchema(schema);
});

describe('scoring models over HTTP', () => {
  const candidate = {
    ...DEFAULT_SCORING_MODEL,
    version: '2',
    qualification: { minBehaviour: 20, minGrade: 'B' },
    decayThresholds: { coldBelow: 10 },
  };

  it('ships the default model active and rejects an invalid model with every failing field', async () => {
    const listed = await service.get<{ models: ModelSummary[] }>('/models');
    expect(listed.body.models).toEqual([expect.objectContaining({ version: '1', id: 'default', active: true })]);
    const invalid = await service.admin('/models', {
      ...candidate,
      qualification: { minBehaviour: 'x', minGrade: 'Z' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({
      statusCode: 400,
      errors: expect.arrayContaining([
        expect.objectContaining({ field: 'qualification.minGrade' }),
        expect.objectContaining({ field: 'qualification.minBehaviour' }),
      ]),
    });
  });

  it('stores a version inactive, refuses the same version twice, activates it and rolls back', async () => {
    expect((await service.admin('/models', candidate)).body).toMatchObject({ version: '2', active: false });
    expect((await service.admin('/models', candidate)).status).toBe(409);
    expect((await service.admin('/models/2/activate')).body).toMatchObject({ version: '2', active: true });
    expect((await service.admin('/models/1/activate')).body).toMatchObject({ version: '1', active: true });
    const listed = await service.get<{ models: ModelSummary[] }>('/models');
    expect(listed.body.models.map((model) => [model.version, model.active])).toEqual([
      ['1', true],
      ['2', false],
    ]);
    expect((await service.admin('/models/9/activate')).status).toBe(404);
  });

  it('takes a model written in YAML and answers a YAML syntax error with its line', async () => {
    const yaml = stringify({ ...candidate, version: '3-yaml' });
    const stored = await service.call('POST', '/models', {
      body: yaml,
      headers: { 'content-type': 'application/yaml', authorization: `Bearer ${TEST_SCORING_ADMIN_TOKEN}` },
    });
    expect(stored).toMatchObject({ status: 201, body: { version: '3-yaml', active: false } });
    await service.admin('/models', { ...candidate, version: '3-json' });
    const [fromYaml, fromJson] = await Promise.all([
      service.get<ModelView>('/models/3-yaml'),
      service.get<ModelView>('/models/3-json'),
    ]);
    expect(fromYaml.body.model).toEqual({ ...fromJson.body.model, version: '3-yaml' });

    const broken = await service.call('POST', '/models', {
      body: 'version: "4"\nbehaviour:\n  rules: [\n',
      headers: { 'content-type': 'text/yaml', authorization: `Bearer ${TEST_SCORING_ADMIN_TOKEN}` },
    });
    expect(broken).toMatchObject({
      status: 400,
      body: { message: 'request body is not valid YAML', errors: [{ field: '(body)' }] },
    });
    expect((broken.body as { errors: Array<{ reasons: string[] }> }).errors[0].reasons[0]).toMatch(/line \d+/);
  });

  it('refuses to store, activate or backtest a model without the admin token', async () => {
    const noToken = await service.call('POST', '/models', { body: { ...candidate, version: '5' } });
    const wrongToken = await service.call('POST', '/models/1/activate', {
      headers: { authorization: 'Bearer not-the-token' },
    });
    const backtest = await service.call('POST', '/backtest', { body: { model: candidate } });

    expect([noToken.status, wrongToken.status, backtest.status]).toEqual([401, 401, 401]);
    expect(noToken.body).toMatchObject({ message: expect.stringContaining('missing admin token') });
    expect((await service.get<ModelView>('/models/5')).status).toBe(404);
  });
});

describe('a lead’s score, ledger and export over HTTP', () => {
  const lead = randomUUID();

  beforeAll(() => record(lead, ['pricing_page_view', 'pricing_page_view', 'pricing_page_view', 'email_click']));

  it('explains the score with its groups, top factors, fit and stage', async () => {
    const { body } = await service.get<ScoreView>(`/leads/${lead}/score?at=${NOW}`);
    // Seconds of decay on a 30-day half-life: a few millionths of a point.
    expect(body.behaviour.score).toBeCloseTo(23, 3);
    expect(body.behaviour.groups.map((group) => [group.groupId, Math.round(group.earned * 1000) / 1000])).toEqual([
      ['intent', 20],
      ['engagement', 3],
    ]);
    expect(body.fit).toMatchObject({ score: 0, grade: 'D' });
    expect(body.lifecycle.stage).toBe('lead');
    expect(body.exactFrom).toBeNull();
  });

  it('says from when the breakdown is exact once old contributions were folded into the lead’s state', async () => {
    const old = randomUUID();
    const longAgo = new Date(Date.parse(NOW) - 200 * DAY_MS).toISOString();
    const click = exampleEvents.engagementRecorded({ leadId: old, type: 'email_click', occurredAt: longAgo });
    await service.app.get(ScoringBatch).applyEngagements([consumed(click)]);
    const { body } = await service.get<ScoreView>(`/leads/${old}/score?at=${NOW}`);
    const horizonMs = Date.parse(NOW) - DEFAULT_EXACT_HISTORY_DAYS * DAY_MS;
    expect(Date.parse(body.exactFrom ?? '')).toBeGreaterThanOrEqual(horizonMs);
    expect(body.behaviour.score).toBeCloseTo(3 * 0.5 ** (200 / 30), 3);
    expect(body.behaviour.topFactors).toEqual([
      expect.objectContaining({ ruleId: 'email-click', groupId: 'engagement' }),
    ]);
  });

  it('pages through the ledger in order, showing the cap that applied', async () => {
    const items: HistoryPage['items'] = [];
    let path: string | null = `/leads/${lead}/score/history?limit=3`;
    while (path !== null) {
      const page: HistoryPage = (await service.get<HistoryPage>(path)).body;
      items.push(...page.items);
      path = page.nextCursor === null ? null : `/leads/${lead}/score/history?limit=3&cursor=${page.nextCursor}`;
    }
    expect(items.map((item) => [item.ruleId, item.awarded, item.cap])).toEqual([
      ['pricing-page', 10, null],
      ['pricing-page', 10, null],
      ['pricing-page', 0, 'window_cap'],
      ['email-click', 3, null],
    ]);
  });

  it('exports the ledger as CSV and NDJSON', async () => {
    const csv = await service.get(`/leads/${lead}/score/history/export?format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((csv.body as string).trim().split('\r\n')).toHaveLength(5);
    const ndjson = await service.get(`/leads/${lead}/score/history/export?format=ndjson`);
    const rows = (ndjson.body as string)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows.map((row) => row.ruleId)).toEqual(['pricing-page', 'pricing-page', 'pricing-page', 'email-click']);
  });

  it('answers lead reads without a token while SCORING_READ_TOKEN is unset (local development)', async () => {
    expect((await service.get(`/leads/${lead}/score`)).status).toBe(200);
    expect((await service.get(`/leads/${lead}/score/history`)).status).toBe(200);
  });

  it('answers 400 for a bad id or format and 404 for an unknown lead', async () => {
    expect((await service.get(`/leads/not-a-uuid/score`)).status).toBe(400);
    expect((await service.get(`/leads/${lead}/score/history/export?format=xml`)).status).toBe(400);
    expect((await service.get(`/leads/${randomUUID()}/score`)).status).toBe(404);
  });
});

describe('backtest and decay sweep', () => {
  const [hot, warm] = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    await record(hot, ['demo_request', 'trial_signup'], goodFit);
    await record(warm, ['webinar_attended', 'content_download'], goodFit);
  });

  it('reports what a candidate model would change and leaves live state byte-for-byte unchanged', async () => {
    const live = () =>
      service.dataSource.query(
        `SELECT (SELECT string_agg(lead_id || state::text || version || coalesce(cold_at::text, ''), ',' ORDER BY lead_id)
                   FROM lead_state) AS states,
                (SELECT md5(string_agg(l::text, ',' ORDER BY id)) FROM score_ledger l) AS ledger,
                (SELECT count(*) FROM outbox) AS outbox, (SELECT count(*) FROM inbox) AS inbox`,
      );
    const before = await live();
    const candidate = {
      ...DEFAULT_SCORING_MODEL,
      version: 'bt',
      qualification: { minBehaviour: 20, minGrade: 'B' },
      decayThresholds: { coldBelow: 10 },
    };
    const { status, body } = await service.admin<BacktestReport>('/backtest', { model: candidate });

    expect(status).toBe(200);
    expect(body.active).toMatchObject({ modelVersion: '1', qualifiedLeads: 1 });
    expect(body.candidate).toMatchObject({ modelVersion: 'bt', qualifiedLeads: 2 });
    expect(body.differences).toEqual([
      expect.objectContaining({ leadId: warm, active: expect.objectContaining({ stage: 'lead', qualified: false }) }),
    ]);
    expect(await live()).toEqual(before);
    const invalid = await service.admin('/backtest', { model: { ...candidate, version: '' } });
    expect(invalid.body).toMatchObject({ errors: [expect.objectContaining({ field: 'model.version' })] });
  });

  it('recycles an MQL whose decayed score crossed coldBelow exactly once, with two sweeps racing', async () => {
    const [row] = await service.dataSource.query(`SELECT cold_at FROM lead_state WHERE lead_id = $1`, [hot]);
    const due = new Date(row.cold_at);
    const sweep = service.app.get(DecaySweep);
    // The sweep runs when the lead is due, which is ahead of the real clock: the events it publishes are dated then.
    const clock = jest.spyOn(instantClock, 'now').mockReturnValue(due.getTime());
    try {
      await Promise.all([sweep.sweep(due), sweep.sweep(due)]);
    } finally {
      clock.mockRestore();
    }

    const { body } = await service.get<ScoreView>(`/leads/${hot}/score`);
    expect(body.lifecycle).toMatchObject({ stage: 'recycled', reason: 'went_cold', qualificationCount: 1 });
    const [announced] = await service.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox
       WHERE message_key = $1 AND topic = 'lead.scored.v1' AND payload::jsonb ->> 'lifecycleStage' = 'recycled'`,
      [hot],
    );
    expect(announced.n).toBe(1);
  });

  it('prunes recorded inputs older than the retention, keeping newer ones and every score as it was', async () => {
    const lead = randomUUID();
    await record(lead, ['email_click', 'content_download']);
    await service.dataSource.query(
      `UPDATE lead_events SET applied_at = now() - interval '366 days'
       WHERE id = (SELECT min(id) FROM lead_events WHERE lead_id = $1)`,
      [lead],
    );
    const scoreAt = `/leads/${lead}/score?at=${encodeURIComponent(NOW)}`;
    const before = await service.get<ScoreView>(scoreAt);

    expect(await service.app.get(HistoryRetention).prune()).toBe(1);

    const kept = await service.dataSource.query(
      `SELECT payload ->> 'type' AS type FROM lead_events WHERE lead_id = $1`,
      [lead],
    );
    expect(kept).toEqual([{ type: 'content_download' }]);
    expect((await service.get<ScoreView>(scoreAt)).body).toEqual(before.body);
    expect(await service.app.get(HistoryRetention).prune()).toBe(0);
  });
});
