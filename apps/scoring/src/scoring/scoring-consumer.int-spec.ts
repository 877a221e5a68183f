import { randomUUID } from 'node:crypto';
import {
  type EventEnvelope,
  encodeEvent,
  exampleEvents,
  type RecordedProfileV1,
  type TopicContract,
  Topics,
} from '@handoff/contracts';
import { eventHeaders } from '@handoff/platform-kafka';
import { TEST_KAFKA_BROKERS, TopicReader, dropSchema, uniqueName, waitFor } from '@handoff/testing';
import { Kafka, logLevel, type Message } from 'kafkajs';
import type { ScoreView } from '../leads/score-view';
import {
  prepareScoringEnv,
  startScoringApp,
  startScoringGroupAtEnd,
  type ScoringTestApp,
} from '../testing/scoring-test-app';

const schema = uniqueName('scoring_int');
const groupId = uniqueName('scoring_int');
prepareScoringEnv({
  DATABASE_SCHEMA: schema,
  SCORING_CONSUMER_GROUP_ID: groupId,
  SCORING_SWEEP_ENABLED: 'false',
});

const DAY_MS = 86_400_000;
const T0 = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000).toISOString();
const goodFit: RecordedProfileV1 = { industry: 'software', employeeCount: 300, seniority: 'vp', country: 'DE' };
const kafka = new Kafka({ clientId: `${groupId}-test`, brokers: TEST_KAFKA_BROKERS, logLevel: logLevel.NOTHING });
const producer = kafka.producer();
const admin = kafka.admin();
let reader: TopicReader;
let service: ScoringTestApp;

const engagement = (leadId: string, type: 'demo_request' | 'trial_signup' | 'pricing_page_view' | 'email_click') =>
  exampleEvents.engagementRecorded({ leadId, type, occurredAt: T0 });

function encoded<V extends EventEnvelope>(contract: TopicContract<V>, event: V): Message {
  const { key, value } = encodeEvent(contract, event);
  return { key, value, headers: eventHeaders(event) };
}

async function send(topic: string, messages: Message[]) {
  const [metadata] = await producer.send({ topic, messages });
  const base = BigInt(metadata.baseOffset ?? '0');
  return { partition: metadata.partition, first: base, last: base + BigInt(messages.length - 1) };
}

async function committed(topic: string, partition: number): Promise<bigint> {
  const [result] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return BigInt(result.partitions.find((entry) => entry.partition === partition)?.offset ?? '-1');
}

const score = async (leadId: string) => (await service.get<ScoreView>(`/leads/${leadId}/score`)).body;
const keyed = (topic: string, leadId: string) => reader.on(topic).filter((record) => record.key === leadId);

async function waitForStage(leadId: string, stage: string): Promise<void> {
  await waitFor(`lead ${leadId} to be ${stage}`, async () => {
    const response = await service.get<ScoreView>(`/leads/${leadId}/score`);
    return response.status === 200 && response.body.lifecycle.stage === stage;
  });
}

beforeAll(async () => {
  await Promise.all([producer.connect(), admin.connect()]);
  await startScoringGroupAtEnd(groupId);
  // From now on: the shared topics carry every earlier run's records (benchmarks fill them by the hundred thousand).
  reader = await TopicReader.startAtEnd([
    'lead.scored.v1',
    'lead.qualified.v1',
    'lead.qualified.v2',
    'engagement.recorded.v1.dlq',
    'lead.merged.v1.dlq',
  ]);
  service = await startScoringApp();
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await Promise.all([reader?.stop(), producer.disconnect(), admin.disconnect()]);
  await dropSchema(schema);
});

describe('scoring consumer against the real broker and database', () => {
  const lead = randomUUID();
  const journey = [
    exampleEvents.engagementRecorded({ leadId: lead, type: 'demo_request', occurredAt: T0, profile: goodFit }),
    engagement(lead, 'trial_signup'),
    engagement(lead, 'pricing_page_view'),
    engagement(lead, 'email_click'),
  ];
  let journeyOffsets: { partition: number; first: bigint; last: bigint };

  it('turns a sequence of engagements into the expected score, breakdown and exactly one qualification (v1 and v2)', async () => {
    journeyOffsets = await send(
      Topics.engagementRecorded.name,
      journey.map((event) => encoded(Topics.engagementRecorded, event)),
    );
    await waitForStage(lead, 'mql');
    await reader.waitForCount('lead.qualified.v1', 1);
    await waitFor('the qualification of the lead', () => keyed('lead.qualified.v1', lead).length > 0);

    // 60 days on: demo (half-life 60 d) keeps 1/2, trial (45 d) 2^(-4/3), pricing and email (30 d) 1/4.
    const at = new Date(Date.parse(T0) + 60 * DAY_MS).toISOString();
    const { body } = await service.get<ScoreView>(`/leads/${lead}/score?at=${at}`);
    const intent = 20 + 30 * 2 ** (-4 / 3) + 2.5;
    expect(body.behaviour.score).toBeCloseTo(intent + 0.75, 9);
    expect(body.behaviour.groups.find((group) => group.groupId === 'intent')?.earned).toBeCloseTo(intent, 9);
    expect(body.behaviour.groups.find((group) => group.groupId === 'engagement')?.earned).toBeCloseTo(0.75, 9);
    expect(body.behaviour.topFactors.map((factor) => factor.ruleId)).toEqual([
      'demo-request',
      'trial-signup',
      'pricing-page',
      'email-click',
    ]);
    expect(body.fit).toMatchObject({ score: 70, grade: 'A' });
    expect(body.lifecycle).toMatchObject({ stage: 'mql', qualificationCount: 1 });
    const [qualified] = keyed('lead.qualified.v1', lead).map((record) => JSON.parse(record.value ?? '{}'));
    expect(qualified).toMatchObject({ leadId: lead, grade: 'A', fitScore: 70, profile: { country: 'DE' } });
    expect(qualified.behaviourScore).toBeCloseTo(70, 0);
    expect(keyed('lead.qualified.v1', lead)).toHaveLength(1);
    await waitFor('the v2 qualification of the lead', () => keyed('lead.qualified.v2', lead).length > 0);
    const [qualifiedV2] = keyed('lead.qualified.v2', lead).map((record) => JSON.parse(record.value ?? '{}'));
    expect(qualifiedV2).toMatchObject({
      schemaVersion: 2,
      qualifiedAt: qualified.qualifiedAt,
      behaviourScore: qualified.behaviourScore,
      profile: { country: 'DE' },
    });
    // The factors as of the qualification: the demo request and trial signup crossed the threshold.
    expect(qualifiedV2.topFactors.map((factor: { ruleId: string }) => factor.ruleId)).toEqual([
      'demo-request',
      'trial-signup',
    ]);
    expect(keyed('lead.qualified.v2', lead)).toHaveLength(1);
  });

  it('changes nothing when the same events are delivered again, also after a crash before the offset commit', async () => {
    const facts = () =>
      service.dataSource.query(
        `SELECT (SELECT version FROM lead_state WHERE lead_id = $1) AS version,
                (SELECT state::text FROM lead_state WHERE lead_id = $1) AS state,
                (SELECT count(*) FROM score_ledger WHERE lead_id = $1) AS ledger,
                (SELECT count(*) FROM lead_events WHERE lead_id = $1) AS history,
                (SELECT count(*) FROM outbox WHERE message_key = $1::text) AS outbox`,
        [lead],
      );
    // Everything the first delivery wrote to the outbox must be relayed and read before counting it.
    await waitFor('the first delivery to be relayed and read', async () => {
      const [{ total, sent }] = await service.dataSource.query(
        `SELECT count(*)::int AS total, count(published_at)::int AS sent FROM outbox WHERE message_key = $1::text`,
        [lead],
      );
      return total === sent && reader.records.filter((record) => record.key === lead).length === total;
    });
    const before = await facts();
    const published = reader.records.filter((record) => record.key === lead).length;

    const again = await send(
      Topics.engagementRecorded.name,
      journey.map((event) => encoded(Topics.engagementRecorded, event)),
    );
    const consumedPast = (offset: bigint) => async () =>
      (await committed(Topics.engagementRecorded.name, again.partition)) > offset;
    await waitFor('the redelivered events to be committed', consumedPast(again.last));
    // A crash between the database commit and the offset commit: the group resumes from the journey's first offset.
    await service.stop();
    await admin.setOffsets({
      groupId,
      topic: Topics.engagementRecorded.name,
      partitions: [{ partition: journeyOffsets.partition, offset: journeyOffsets.first.toString() }],
    });
    expect(await committed(Topics.engagementRecorded.name, journeyOffsets.partition)).toBe(journeyOffsets.first);
    service = await startScoringApp();
    await waitFor('the rewound partition to be consumed again', consumedPast(again.last));

    // Nothing new in the outbox (part of the facts) means nothing new can reach the topic: it is the only way out.
    expect(await facts()).toEqual(before);
    expect(reader.records.filter((record) => record.key === lead)).toHaveLength(published);
  });

  it('makes the lead a customer when sales reports the deal won', async () => {
    await send(Topics.salesActivity.name, [
      encoded(Topics.salesActivity, exampleEvents.salesActivity({ leadId: lead, outcome: 'won' })),
    ]);
    await waitForStage(lead, 'customer');
    await waitFor('a lead.scored.v1 announcing the customer', () =>
      keyed('lead.scored.v1', lead).some((record) => JSON.parse(record.value ?? '{}').lifecycleStage === 'customer'),
    );
  });

  it('dead-letters a poison engagement and still applies the lead’s other events', async () => {
    const other = randomUUID();
    const poison = { ...engagement(other, 'email_click'), type: 'teleport' };
    await send(Topics.engagementRecorded.name, [
      encoded(Topics.engagementRecorded, engagement(other, 'demo_request')),
      { key: other, value: JSON.stringify(poison) },
      encoded(Topics.engagementRecorded, engagement(other, 'trial_signup')),
    ]);
    await waitFor('the poison event on the DLQ', () => keyed('engagement.recorded.v1.dlq', other).length === 1);
    await waitFor('both valid events applied', async () => (await score(other)).behaviour?.topFactors.length === 2);
    expect(JSON.parse(keyed('engagement.recorded.v1.dlq', other)[0].value ?? '{}').type).toBe('teleport');
  });

  it('combines two leads’ scores on a merge and dead-letters a contradicting second merge', async () => {
    const [survivor, merged, stranger] = [randomUUID(), randomUUID(), randomUUID()];
    await send(Topics.engagementRecorded.name, [
      encoded(Topics.engagementRecorded, { ...engagement(survivor, 'demo_request'), profile: goodFit }),
    ]);
    await send(Topics.engagementRecorded.name, [
      encoded(Topics.engagementRecorded, engagement(merged, 'trial_signup')),
    ]);
    await waitForStage(survivor, 'lead');
    await waitForStage(merged, 'lead');

    const merge = exampleEvents.leadMerged({ survivingLeadId: survivor, mergedLeadId: merged });
    const contradiction = exampleEvents.leadMerged({ survivingLeadId: stranger, mergedLeadId: merged });
    await send(Topics.leadMerged.name, [encoded(Topics.leadMerged, merge)]);
    await waitForStage(survivor, 'mql');
    await send(Topics.leadMerged.name, [encoded(Topics.leadMerged, contradiction)]);
    await waitFor('the contradicting merge on the DLQ', () => keyed('lead.merged.v1.dlq', stranger).length === 1);

    expect((await score(survivor)).behaviour.score).toBeCloseTo(70, 1);
    expect(await score(merged)).toMatchObject({ mergedInto: survivor });
    await waitFor('the merged lead to qualify', () => keyed('lead.qualified.v1', survivor).length === 1);
    expect(keyed('lead.merged.v1.dlq', stranger)[0].headers).toMatchObject({
      'dlq-error-class': 'poison/PoisonMessageError',
    });
  });
});
