import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ConversionPredictionV1,
  encodeEvent,
  type EngagementRecordedV1,
  type EventEnvelope,
  exampleEvents,
  type RecordedProfileV1,
  type TopicContract,
  Topics,
} from '@handoff/contracts';
import { parseScoringModel } from '@handoff/domain-scoring';
import { eventHeaders } from '@handoff/platform-kafka';
import { dropSchema, TEST_KAFKA_BROKERS, TopicReader, uniqueName, waitFor } from '@handoff/testing';
import { Kafka, logLevel, type Message } from 'kafkajs';
import { parse as parseYaml } from 'yaml';
import type { RuleInsights } from '../insights/rule-insights.service';
import type { ScoreView } from '../leads/score-view';
import {
  prepareScoringEnv,
  type ScoringTestApp,
  startScoringApp,
  startScoringGroupAtEnd,
} from '../testing/scoring-test-app';
import type { PredictionBacktestReport } from './prediction-backtest';
import type { PredictionModelDto, PredictionModelListDto, PredictionStatusDto } from './prediction.dto';

const schema = uniqueName('scoring_predict');
const groupId = uniqueName('scoring_predict');
prepareScoringEnv({
  DATABASE_SCHEMA: schema,
  SCORING_CONSUMER_GROUP_ID: groupId,
  SCORING_SWEEP_ENABLED: 'false',
  SCORING_PREDICTION_TRAIN_INTERVAL_MS: '1000',
  SCORING_PREDICTION_MIN_LABELLED: '30',
  SCORING_PREDICTION_MIN_CONVERTED: '8',
  SCORING_PREDICTION_MIN_NOT_CONVERTED: '8',
});

const T0 = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000).toISOString();
const goodFit: RecordedProfileV1 = { industry: 'software', employeeCount: 300, seniority: 'vp', country: 'DE' };
/** Grade D: no rule qualifies it, however engaged. */
const poorFit: RecordedProfileV1 = { employeeCount: 3, country: 'BR' };
type ActivityType = EngagementRecordedV1['type'];
const LEADS = 40;

const kafka = new Kafka({ clientId: `${groupId}-test`, brokers: TEST_KAFKA_BROKERS, logLevel: logLevel.NOTHING });
const producer = kafka.producer();
let reader: TopicReader;
let service: ScoringTestApp;

function encoded<V extends EventEnvelope>(contract: TopicContract<V>, event: V): Message {
  const { key, value } = encodeEvent(contract, event);
  return { key, value, headers: eventHeaders(event) };
}

/** One lead's engagements in order, its profile on the first. */
function engagements(leadId: string, types: ActivityType[], profile?: RecordedProfileV1, occurredAt = T0): Message[] {
  return types.map((type, i) =>
    encoded(
      Topics.engagementRecorded,
      exampleEvents.engagementRecorded({
        leadId,
        type,
        occurredAt,
        properties: { url: 'https://example.com/blog' },
        ...(i === 0 && profile ? { profile } : {}),
      }),
    ),
  );
}

const outcome = (leadId: string, result: 'accepted' | 'won' | 'rejected') =>
  encoded(Topics.salesActivity, exampleEvents.salesActivity({ leadId, outcome: result }));

const send = (topic: string, messages: Message[]) => producer.send({ topic, messages });

const conversionsOf = (topic: string, leadId: string): ConversionPredictionV1[] =>
  reader
    .on(topic)
    .filter((record) => record.key === leadId)
    .map((record) => JSON.parse(record.value ?? '{}').conversion)
    .filter((conversion) => conversion !== undefined);

const stageOf = async (leadId: string) =>
  (await service.get<ScoreView>(`/leads/${leadId}/score`)).body.lifecycle?.stage;

/** Converters click three emails before the demo request and trial that qualify them; the others do not. */
const CONVERTER: ActivityType[] = ['email_click', 'email_click', 'email_click', 'demo_request', 'trial_signup'];
const NON_CONVERTER: ActivityType[] = ['demo_request', 'trial_signup'];
/** A second apart, so the time-ordered validation split holds both converters and the others. */
const funnel = Array.from({ length: LEADS }, (_, i) => ({
  leadId: randomUUID(),
  converts: i % 2 === 0,
  at: new Date(Date.parse(T0) + i * 1000).toISOString(),
}));

beforeAll(async () => {
  await producer.connect();
  await startScoringGroupAtEnd(groupId);
  reader = await TopicReader.startAtEnd(['lead.scored.v1', 'lead.qualified.v2']);
  service = await startScoringApp();
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await Promise.all([reader?.stop(), producer.disconnect()]);
  await dropSchema(schema);
});

describe('conversion prediction against the real broker and database', () => {
  let model: PredictionModelDto;
  /** A qualified lead's probability before any email click: the non-converters' pattern. */
  let unlikely: number;
  /** Chosen between the two patterns' probabilities once the model is trained. */
  let threshold: number;

  it('reports "not enough data" with the counts while no hand-off has an outcome', async () => {
    const status = await service.get<PredictionStatusDto>('/prediction/status');
    const training = await service.admin<{ status: string; reason: string }>('/prediction/models/train');

    expect(status.body).toMatchObject({
      status: 'not_enough_data',
      counts: { labelled: 0, converted: 0, notConverted: 0 },
      minimum: { labelled: 30, converted: 8, notConverted: 8 },
      currentVersion: null,
    });
    expect(training.body).toMatchObject({ status: 'not_enough_data', reason: expect.stringContaining('0 won') });
  });

  it('trains a model version from the outcomes that sales reports on sales.activity.v1', async () => {
    for (const lead of funnel) {
      await send(
        Topics.engagementRecorded.name,
        engagements(lead.leadId, lead.converts ? CONVERTER : NON_CONVERTER, goodFit, lead.at),
      );
    }
    // A fresh broker's transaction coordinator can take a while to load on the first transactional chunk.
    await waitFor(
      'every lead to be handed over',
      async () => {
        const [{ count }] = await service.dataSource.query(`SELECT count(*)::int AS count FROM lead_handoffs`);
        return count === LEADS;
      },
      { timeoutMs: 60_000 },
    );
    await send(
      Topics.salesActivity.name,
      funnel.flatMap(({ leadId, converts }) =>
        converts ? [outcome(leadId, 'accepted'), outcome(leadId, 'won')] : [outcome(leadId, 'rejected')],
      ),
    );

    // The scheduled training may first catch part of the outcomes; a later run learns from all of them.
    const labelled = (candidate: PredictionModelDto) =>
      candidate.training.counts.labelled + candidate.validation.counts.labelled;
    await waitFor('a model trained on every outcome', async () => {
      const { body } = await service.get<PredictionModelListDto>('/prediction/models');
      const complete = body.models.find((candidate) => labelled(candidate) === LEADS);
      if (complete) model = complete;
      return complete !== undefined;
    });
    expect(model.status).toBe('shadow');
    expect(model.validation.auc).toBeGreaterThan(0.9);
    expect(model.weights.map((weight) => weight.feature)).toContain('count:email_click');
  }, 120_000);

  it('tells marketing which rules converted, with counts, lift and points, and writes a candidate model', async () => {
    const { body } = await service.get<RuleInsights>('/models/1/insights');
    const rule = (ruleId: string) => body.rules.find((candidate) => candidate.ruleId === ruleId);

    expect(body.leads).toEqual({ labelled: LEADS, converted: LEADS / 2 });
    expect(rule('email-click')).toMatchObject({
      hit: { leads: LEADS / 2, converted: LEADS / 2 },
      notHit: { leads: LEADS / 2, converted: 0 },
      weight: expect.any(Number),
    });
    expect(rule('email-click')?.liftInterval?.[0]).toBeGreaterThan(1);
    // Every lead requested a demo: nothing to compare it with, so it keeps its points.
    expect(rule('demo-request')).toMatchObject({ notHit: { leads: 0 }, weight: null, lift: null });

    const out = join(mkdtempSync(join(tmpdir(), 'suggest-')), 'candidate.yaml');
    const cli = spawnSync('npm', ['run', '--silent', 'scoring:suggest', '--', '--out', out], {
      encoding: 'utf8',
      env: { ...process.env }, // jest's environment copy, with this test's schema
    });
    expect(cli.stderr).toContain(`${LEADS} labelled hand-offs (${LEADS / 2} won) judged model 1`);
    expect(parseScoringModel(parseYaml(readFileSync(out, 'utf8')))).toMatchObject({ version: '1-suggested' });
  }, 60_000);

  it('updates a lead’s probability as its events arrive and carries it on lead.scored.v1', async () => {
    const leadId = randomUUID();
    await send(Topics.engagementRecorded.name, engagements(leadId, NON_CONVERTER, goodFit));
    await waitFor('the first prediction', () => conversionsOf('lead.scored.v1', leadId).length > 0);
    for (let clicks = 1; clicks <= 3; clicks++) {
      await send(Topics.engagementRecorded.name, engagements(leadId, ['email_click']));
      await waitFor(
        `the prediction after click ${clicks}`,
        () => conversionsOf('lead.scored.v1', leadId).length > clicks,
      );
    }

    const probabilities = conversionsOf('lead.scored.v1', leadId).map((conversion) => conversion.probability);
    expect(probabilities.at(-1)).toBeGreaterThan(probabilities[0] + 0.2);
    unlikely = probabilities[0];
    expect(conversionsOf('lead.scored.v1', leadId).every((conversion) => conversion.mode === 'shadow')).toBe(true);
    const { body } = await service.get<ScoreView>(`/leads/${leadId}/score`);
    // Read a moment later: recency and pace have moved on a little since the event.
    expect(body.conversion?.probability).toBeCloseTo(probabilities.at(-1) ?? -1, 1);
    expect(body.conversion?.factors.map((factor) => factor.words)).toContainEqual(
      expect.stringMatching(/^3 × email click: raises the chance$/),
    );
  });

  const poorFitLead = randomUUID();

  it('decides nothing in shadow mode: a lead it rates likely but the rule does not qualify stays a lead', async () => {
    await send(Topics.engagementRecorded.name, engagements(poorFitLead, CONVERTER, poorFit));
    await waitFor('all the poor-fit lead’s events applied', async () => {
      const { body } = await service.get<ScoreView>(`/leads/${poorFitLead}/score`);
      return body.behaviour?.topFactors.length === 3;
    });
    await waitFor('its prediction published', () => conversionsOf('lead.scored.v1', poorFitLead).length > 0);

    const { body } = await service.get<ScoreView>(`/leads/${poorFitLead}/score`);
    const likely = body.conversion?.probability ?? 0;
    expect(likely).toBeGreaterThan(unlikely + 0.2);
    threshold = (likely + unlikely) / 2;
    expect(body.fit.grade).toBe('D');
    expect(await stageOf(poorFitLead)).toBe('lead');
    expect(conversionsOf('lead.qualified.v2', poorFitLead)).toEqual([]);
  });

  it('shows the difference in a backtest first, then qualifies on the probability once activated', async () => {
    const backtest = await service.admin<PredictionBacktestReport>(`/prediction/models/${model.version}/backtest`, {
      qualifiesAt: threshold,
    });
    expect(backtest.status).toBe(200);
    expect(backtest.body).toMatchObject({ won: LEADS / 2, addedByProbability: 1 });
    expect(backtest.body.withProbability.mqls).toBe(backtest.body.ruleOnly.mqls + 1);
    expect(backtest.body.ruleOnly.recall).toBe(1);
    expect(await stageOf(poorFitLead)).toBe('lead');

    const activation = await service.admin<PredictionModelDto>(`/prediction/models/${model.version}/activate`, {
      qualifiesAt: threshold,
    });
    expect(activation.body).toMatchObject({ status: 'active', qualifiesAt: threshold });
    await send(Topics.engagementRecorded.name, engagements(poorFitLead, ['page_view']));

    await waitFor('the poor-fit lead to qualify', async () => (await stageOf(poorFitLead)) === 'mql');
    await waitFor('its lead.qualified.v2', () => conversionsOf('lead.qualified.v2', poorFitLead).length === 1);
    expect(conversionsOf('lead.qualified.v2', poorFitLead)[0]).toMatchObject({
      mode: 'active',
      modelVersion: model.version,
    });
  });

  it('refuses an activation threshold that is not a probability, naming the field', async () => {
    const response = await service.admin<{ message: string[] }>(`/prediction/models/${model.version}/activate`, {
      qualifiesAt: 1.5,
    });

    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('qualifiesAt must not be greater than 1');
  });
});
