import { randomUUID } from 'node:crypto';
import {
  type EngagementRecordedV1,
  exampleEvents,
  type EventEnvelope,
  type RecordedProfileV1,
} from '@handoff/contracts';
import type { ActivityType } from '@handoff/shared-vocabulary';
import type { ConsumedMessage } from '@handoff/platform-kafka';
import { dropSchema, uniqueName } from '@handoff/testing';
import { ScoringBatch } from '../scoring/scoring-batch.service';
import { prepareScoringEnv, startScoringApp, type ScoringTestApp } from '../testing/scoring-test-app';
import type { LeadSearchResult, QualifiedLeadsPage } from './lead-lists.service';
import type { StageHistory } from './lead-score.service';

const schema = uniqueName('scoring_lists_int');
prepareScoringEnv({ DATABASE_SCHEMA: schema, SCORING_CONSUMERS_ENABLED: 'false', SCORING_SWEEP_ENABLED: 'false' });

const goodFit: RecordedProfileV1 = { industry: 'software', employeeCount: 300, seniority: 'vp' };
const QUALIFYING: ActivityType[] = ['demo_request', 'trial_signup'];
let service: ScoringTestApp;
let offset = 0;

const consumed = <V extends EventEnvelope>(value: V, key: string): ConsumedMessage<V> => ({
  value,
  key,
  topic: 'scoring.int-test',
  partition: 0,
  offset: String(offset++),
  headers: {},
  correlationId: value.correlationId,
});

/** Each call is one chunk, one transaction: leads recorded later were changed (and qualified) later. */
async function record(leadId: string, types: ActivityType[], profile: RecordedProfileV1 = {}): Promise<void> {
  const occurredAt = new Date().toISOString();
  const events: EngagementRecordedV1[] = types.map((type, index) =>
    exampleEvents.engagementRecorded({ leadId, type, occurredAt, ...(index === 0 ? { profile } : {}) }),
  );
  await service.app.get(ScoringBatch).applyEngagements(events.map((event) => consumed(event, leadId)));
}

async function sales(leadId: string, outcome: 'won' | 'rejected', reason?: string): Promise<void> {
  const event = exampleEvents.salesActivity({ leadId, outcome, occurredAt: new Date().toISOString(), reason });
  await service.app.get(ScoringBatch).applySalesActivities([consumed(event, leadId)]);
}

async function merge(survivingLeadId: string, mergedLeadId: string): Promise<void> {
  const event = exampleEvents.leadMerged({ survivingLeadId, mergedLeadId });
  await service.app.get(ScoringBatch).applyMerges([consumed(event, survivingLeadId)]);
}

const ids = (leads: { leadId: string }[]) => leads.map((lead) => lead.leadId);

beforeAll(async () => {
  service = await startScoringApp();
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await dropSchema(schema);
});

describe('GET /leads?q= (search by company or domain)', () => {
  const [acme, subsidiary, lookalike, absorbed, other] = [
    randomUUID(),
    randomUUID(),
    randomUUID(),
    randomUUID(),
    randomUUID(),
  ];

  beforeAll(async () => {
    await record(absorbed, ['email_click'], { company: 'Acme Duplicate', companyDomain: 'acme.com' });
    await record(lookalike, ['email_click'], { company: 'NotAcme Ltd', companyDomain: 'notacme.com' });
    await record(subsidiary, ['email_click'], { company: 'Globex', companyDomain: 'eu.acme.com' });
    await record(other, ['email_click'], { company: 'Initech', companyDomain: 'initech.io' });
    await record(acme, QUALIFYING, { ...goodFit, company: 'Acme Corp', companyDomain: 'acme.com' });
    await merge(acme, absorbed);
  });

  it('finds company names by substring in any case, newest change first, without merged leads', async () => {
    const { status, body } = await service.get<LeadSearchResult>('/leads?q=ACME');

    expect(status).toBe(200);
    expect(ids(body.leads)).toEqual([acme, lookalike]);
    expect(body.leads[0]).toEqual({
      leadId: acme,
      matchedBy: 'company',
      company: 'Acme Corp',
      companyDomain: 'acme.com',
      stage: 'mql',
      behaviourScore: expect.any(Number),
      fitScore: expect.any(Number),
      grade: 'A',
      qualifiedAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(body.leads[1]).not.toHaveProperty('qualifiedAt');
  });

  it('finds a domain exactly or as the parent of a subdomain, never a longer name ending the same', async () => {
    const { body } = await service.get<LeadSearchResult>('/leads?q=Acme.COM');

    expect(body.leads.map((lead) => [lead.leadId, lead.matchedBy])).toEqual([
      [acme, 'domain'],
      [subsidiary, 'domain'],
    ]);
  });

  it('answers at most `limit` leads and an empty list when nothing matches', async () => {
    expect(ids((await service.get<LeadSearchResult>('/leads?q=acme&limit=1')).body.leads)).toEqual([acme]);
    expect((await service.get<LeadSearchResult>('/leads?q=umbrella')).body).toEqual({ leads: [] });
  });

  it('answers 400 naming the field for a missing, blank or too long term and a limit above 100', async () => {
    const problems = await Promise.all(
      ['/leads', '/leads?q=%20%20', `/leads?q=${'a'.repeat(201)}`, '/leads?q=acme&limit=101'].map((path) =>
        service.get<{ errors: { field: string }[] }>(path),
      ),
    );

    expect(problems.map(({ status, body }) => [status, body.errors.map((error) => error.field)])).toEqual([
      [400, ['q']],
      [400, ['q']],
      [400, ['q']],
      [400, ['limit']],
    ]);
  });
});

describe('GET /leads/qualified (newest MQLs first)', () => {
  const [first, won, rejected, absorbed, survivor, latest]: string[] = Array.from({ length: 6 }, () => randomUUID());

  beforeAll(async () => {
    await record(first, QUALIFYING, goodFit);
    await record(won, QUALIFYING, goodFit);
    await record(rejected, QUALIFYING, goodFit);
    await record(absorbed, QUALIFYING, goodFit);
    await record(survivor, ['email_click'], goodFit);
    await merge(survivor, absorbed);
    await record(latest, QUALIFYING, goodFit);
    await sales(won, 'won');
    await sales(rejected, 'rejected', 'no budget');
  });

  const qualifiedIds = async (path: string) => ids((await service.get<QualifiedLeadsPage>(path)).body.leads);

  it('lists leads at MQL or beyond by their latest qualification, newest first, without merged or rejected ones', async () => {
    const all = await qualifiedIds('/leads/qualified?limit=100');

    // The survivor took the absorbed MQL's stage and qualification time in the merge.
    expect(all.filter((leadId) => [first, won, rejected, absorbed, survivor, latest].includes(leadId))).toEqual([
      latest,
      survivor,
      won,
      first,
    ]);
  });

  it('pages with nextBefore, each lead once, and ends with a null cursor', async () => {
    const seen: string[] = [];
    let path = '/leads/qualified?limit=1';
    for (let page = 0; page < 10; page++) {
      const { body } = await service.get<QualifiedLeadsPage>(path);
      seen.push(...ids(body.leads));
      if (body.nextBefore === null) break;
      path = `/leads/qualified?limit=1&before=${encodeURIComponent(body.nextBefore)}`;
    }

    const all = await qualifiedIds('/leads/qualified?limit=100');
    expect(all.length).toBeGreaterThan(2);
    expect(seen).toEqual(all);
  });

  it('answers 400 naming the field for a cursor it did not write or a limit of 0', async () => {
    const [cursor, limit] = await Promise.all([
      service.get<{ errors: { field: string }[] }>('/leads/qualified?before=2026-01-01'),
      service.get<{ errors: { field: string }[] }>('/leads/qualified?limit=0'),
    ]);

    expect([cursor.status, cursor.body.errors[0].field, limit.status, limit.body.errors[0].field]).toEqual([
      400,
      'before',
      400,
      'limit',
    ]);
  });
});

describe('GET /leads/:id/score/stages (lifecycle history)', () => {
  it('lists every stage change oldest first with its reason and the sales detail', async () => {
    const leadId = randomUUID();
    await record(leadId, ['email_click'], goodFit);
    await record(leadId, QUALIFYING);
    await sales(leadId, 'rejected', 'no budget');

    const { status, body } = await service.get<StageHistory>(`/leads/${leadId}/score/stages`);

    expect(status).toBe(200);
    expect(body.leadId).toBe(leadId);
    expect(body.changes.map(({ from, to, reason, detail }) => [from, to, reason, detail])).toEqual([
      ['subscriber', 'lead', 'engaged', null],
      ['lead', 'mql', 'qualified', null],
      ['mql', 'recycled', 'rejected', 'no budget'],
    ]);
    const times = body.changes.map((change) => Date.parse(change.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('answers 404 for a lead scoring does not know and 400 for an id that is not a UUID', async () => {
    expect((await service.get(`/leads/${randomUUID()}/score/stages`)).status).toBe(404);
    expect((await service.get('/leads/qualified/score/stages')).status).toBe(400);
  });
});
