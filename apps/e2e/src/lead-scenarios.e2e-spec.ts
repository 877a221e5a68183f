import { randomUUID } from 'node:crypto';
import { type LeadQualifiedV1, type LeadRoutedV1, type RepCapacityV1, Topics } from '@handoff/contracts';
import {
  assignmentsHere,
  coldLeadEvents,
  createSource,
  hotLeadEvents,
  ingestSender,
  type IngestSender,
  leadAnswer,
  scoreOnceSettled,
  sendJourney,
  type StackService,
  waitFor,
  wonDeal,
} from '@handoff/testing';
import { type E2eRun, startE2eRun } from './support/e2e-run';
import { setRevenueQuota } from './support/rep-quota';
import { type ScenarioOrg, seedScenarioOrg } from './support/scenario-org';

/** Ingest → scoring → routing through Kafka and two outboxes: seconds; this is their upper bound. */
const PIPELINE_TIMEOUT_MS = 30_000;

type Apps = 'ingest' | 'scoring' | 'routing' | 'quota';
let run: E2eRun<Apps>;
let stack: E2eRun<Apps>['stack'];
let org: ScenarioOrg;
let send: IngestSender;
let writeKey: string;
let slaLeadId: string;
const visitor = (scenario: string) => `anon-${scenario}-${run.id}`;

/** This stack's assignments of the lead on lead.routed.v1 that `match`, once at least one arrived. */
function routed(leadId: string, match: (event: LeadRoutedV1) => boolean = () => true, timeoutMs = PIPELINE_TIMEOUT_MS) {
  const here = assignmentsHere(stack.ingest, leadId);
  return run.reader.waitForValues<LeadRoutedV1>(Topics.leadRouted.name, (e) => here(e) && match(e), 1, timeoutMs);
}

function capacity(repId: string, match: (event: RepCapacityV1) => boolean): Promise<RepCapacityV1[]> {
  return run.reader.waitForValues<RepCapacityV1>(Topics.repCapacity.name, (e) => e.repId === repId && match(e));
}

async function read<T>(service: StackService, path: string): Promise<T> {
  const answer = await service.call<T>('GET', path);
  if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

interface LeadRouting {
  decisions: unknown[];
  assignments: Array<{ status: string }>;
}

/** What a replay must leave as it was: the score at a fixed instant and its ledger, routing's book, attainment. */
async function figures(leadId: string, repId: string, at: string) {
  const [score, ledger, routing, attainment] = await Promise.all([
    read<object>(stack.scoring, `/leads/${leadId}/score?at=${encodeURIComponent(at)}`),
    read<{ items: unknown[] }>(stack.scoring, `/leads/${leadId}/score/history?limit=100`),
    read<LeadRouting>(stack.routing, `/leads/${leadId}/routing`),
    read<{ revenue: { attained: number } }>(stack.quota, `/reps/${repId}/attainment`),
  ]);
  return { score, ledger: ledger.items, routing, attained: attainment.revenue.attained };
}

beforeAll(async () => {
  const topics = [Topics.leadRouted.name, Topics.leadQualified.name, Topics.repCapacity.name];
  run = await startE2eRun(['ingest', 'scoring', 'routing', 'quota'], topics, {
    // Missed SLAs are looked for this often: the reassignment follows the deadline within a fraction of a second.
    routing: { ROUTING_REROUTE_INTERVAL_MS: '250' },
  });
  stack = run.stack;
  org = await seedScenarioOrg(stack.routing, run.id);
  writeKey = await createSource(stack.ingest, 'website');
  send = ingestSender(stack.ingest, writeKey);
  // The shortest SLA is a minute: its lead qualifies first, and the other scenarios run while its clock ticks.
  slaLeadId = await sendJourney(send, hotLeadEvents(visitor('sla'), { country: org.countries.anz }));
}, 120_000);

afterAll(async () => {
  await run?.stop();
});

describe('a lead through ingest, scoring, routing and quota', () => {
  it('routes a hot lead, from its first anonymous page view, to the rep who is in, saying which rule, pool and strategy and why', async () => {
    const leadId = await sendJourney(send, hotLeadEvents(visitor('hot'), { country: org.countries.dach }));

    const [assignment] = await routed(leadId);
    expect(assignment).toMatchObject({
      repId: org.reps.lena,
      trigger: 'qualified',
      attempt: 1,
      ruleId: 'dach',
      poolId: 'dach',
      strategy: 'round_robin',
      path: 'rule_pool',
      grade: 'A',
      profile: expect.objectContaining({ country: 'DE', title: 'VP Sales' }),
    });
    expect(assignment.reason).toMatch(/^Rule dach matched \(country DE\); round robin picked Lena \(.*1 eligible\)$/);
    expect(assignment.decisionTrace).toContainEqual(
      expect.objectContaining({
        step: 'candidate',
        outcome: 'ineligible',
        detail: expect.stringMatching(`^${org.reps.max}: out_of_office`),
      }),
    );
  });

  it('never routes a cold lead: a hot lead sent after it is routed, and the cold one has no qualification nor assignment by then', async () => {
    const coldLeadId = await sendJourney(send, coldLeadEvents(visitor('cold')));
    // Scoring has applied both pricing views: what it emits for them is in its outbox, in the same transaction.
    const score = await scoreOnceSettled(stack.scoring, coldLeadId, (view) => view.behaviour.score > 19);
    expect(score.lifecycle.stage).not.toBe('mql');

    const markerLeadId = await sendJourney(send, hotLeadEvents(visitor('marker'), { country: org.countries.inbound }));
    await routed(markerLeadId);

    expect(run.reader.values<LeadQualifiedV1>(Topics.leadQualified.name, (e) => e.leadId === coldLeadId)).toEqual([]);
    expect(run.reader.values<LeadRoutedV1>(Topics.leadRouted.name, (e) => e.leadId === coldLeadId)).toEqual([]);
    const book = await stack.routing.call<{ decisions?: unknown[] }>('GET', `/leads/${coldLeadId}/routing`);
    expect(book.status === 404 || book.body.decisions?.length === 0).toBe(true);
  });

  it("hands a lead from an account's email domain to the account's owner", async () => {
    const events = hotLeadEvents(visitor('account'), {
      country: org.countries.inbound,
      emailDomain: org.accountDomain,
    });
    const leadId = await sendJourney(send, events);

    const [assignment] = await routed(leadId);
    expect(assignment).toMatchObject({ repId: org.reps.kai, path: 'account_owner', ruleId: 'inbound', attempt: 1 });
    expect(assignment.reason).toMatch(/; account Acme \(.*domain.*\) goes to its owner Kai$/);
    expect(assignment.decisionTrace).toContainEqual(
      expect.objectContaining({
        step: 'account',
        outcome: 'matched',
        detail: expect.stringContaining(org.accountDomain),
      }),
    );
  });

  it('reassigns a lead the assigned rep rejects to the other rep of its pool', async () => {
    const leadId = await sendJourney(send, hotLeadEvents(visitor('rejected'), { country: org.countries.france }));
    const [first] = await routed(leadId);
    expect([org.reps.claire, org.reps.hugo]).toContain(first.repId);
    const other = first.repId === org.reps.claire ? org.reps.hugo : org.reps.claire;

    await run.report(leadAnswer(leadId, first.repId, 'rejected'));

    const [second] = await routed(leadId, (e) => e.trigger === 'rejected');
    expect(second).toMatchObject({
      qualificationId: first.qualificationId,
      attempt: 2,
      repId: other,
      previousRepId: first.repId,
      poolId: 'france',
    });
  });

  it('takes the same traffic twice and changes nothing: scores, one assignment per qualification, quota figures', async () => {
    await setRevenueQuota(stack.quota, org.reps.ines, 100_000);
    const events = hotLeadEvents(visitor('replay'), { country: org.countries.inbound });
    const leadId = await sendJourney(send, events);
    const [assignment] = await routed(leadId);
    const won = wonDeal(assignment.repId, 5_000, { leadId });
    await run.report(won);
    await capacity(assignment.repId, (e) => e.attainedAmount === 5_000);
    await scoreOnceSettled(stack.scoring, leadId, (view) => view.lifecycle.stage === 'customer');
    await waitFor('routing to close the won assignment', async () => {
      const book = await read<LeadRouting>(stack.routing, `/leads/${leadId}/routing`);
      return book.assignments[0]?.status === 'won';
    });
    const at = new Date().toISOString();
    const before = await figures(leadId, assignment.repId, at);

    for (const event of events) expect(await send(event)).toMatchObject({ accepted: 0, duplicates: 1 });
    await run.report(won);
    // Sent after the replay on the lead's partition: once quota counted it, it had read the replayed deal.
    await run.report(wonDeal(assignment.repId, 1, { leadId }));
    await capacity(assignment.repId, (e) => e.attainedAmount === 5_001);

    expect(await figures(leadId, assignment.repId, at)).toEqual({ ...before, attained: 5_001 });
    const assignments = run.reader.values<LeadRoutedV1>(Topics.leadRouted.name, assignmentsHere(stack.ingest, leadId));
    expect(new Set(assignments.map((e) => e.assignmentId))).toEqual(new Set([assignment.assignmentId]));
  });

  it('takes a sales system’s outcomes over HTTP: accepted makes the lead an SQL and stops its SLA clock, won raises attainment', async () => {
    await setRevenueQuota(stack.quota, org.reps.lena, 100_000);
    const leadId = await sendJourney(send, hotLeadEvents(visitor('crm'), { country: org.countries.dach }));
    const [assignment] = await routed(leadId);
    expect(assignment.repId).toBe(org.reps.lena);
    const reportOverHttp = async (outcome: object) => {
      const answer = await stack.ingest.call<{ accepted: number }>('POST', '/v1/sales-activity', {
        body: { messageId: randomUUID(), leadId, repId: assignment.repId, ...outcome },
        headers: { authorization: `Bearer ${writeKey}` },
      });
      expect(answer).toMatchObject({ status: 200, body: { accepted: 1 } });
    };

    await reportOverHttp({ outcome: 'accepted' });
    await scoreOnceSettled(stack.scoring, leadId, (view) => view.lifecycle.stage === 'sql');
    await waitFor('routing to mark the assignment accepted', async () => {
      const book = await read<LeadRouting>(stack.routing, `/leads/${leadId}/routing`);
      return book.assignments[0]?.status === 'accepted';
    });

    await reportOverHttp({ outcome: 'won', dealId: `deal-${leadId}`, amount: 7_300, currency: 'EUR' });
    await capacity(org.reps.lena, (e) => e.attainedAmount === 7_300);
    await scoreOnceSettled(stack.scoring, leadId, (view) => view.lifecycle.stage === 'customer');
  });

  it('reassigns a lead whose SLA passed without an answer to the other rep of its pool', async () => {
    const [first] = await routed(slaLeadId, (e) => e.trigger === 'qualified');
    expect(first).toMatchObject({ poolId: 'anz', attempt: 1, trigger: 'qualified' });
    const other = first.repId === org.reps.mia ? org.reps.noah : org.reps.mia;

    const [second] = await routed(slaLeadId, (e) => e.trigger === 'sla_missed', 90_000);
    expect(second).toMatchObject({
      qualificationId: first.qualificationId,
      attempt: 2,
      repId: other,
      previousRepId: first.repId,
    });
    expect(Date.parse(second.occurredAt)).toBeGreaterThanOrEqual(Date.parse(first.slaDueAt));
  });
});
