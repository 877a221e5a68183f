import { decodeEventJson, type LeadRoutedV1, Topics } from '@handoff/contracts';
import type { Pool, RepProfile, RoutingRuleSet } from '@handoff/domain-routing';
import type { QualificationRecord } from './assignment.types';
import { RoutingSession, type SessionContext } from './routing-session';

const NOW = '2026-03-02T10:00:00.000Z';
const ALWAYS = { mon: [{ start: '00:00', end: '24:00' }] };

const rep = (id: string, extra: Partial<RepProfile> = {}): RepProfile => ({
  id,
  name: `Rep ${id}`,
  active: true,
  teamIds: [],
  weight: 1,
  languages: [],
  skills: [],
  timeZone: 'UTC',
  workingHours: ALWAYS,
  outOfOffice: [],
  ...extra,
});

const pool = (id: string, repIds: string[], extra: Partial<Pool> = {}): Pool => ({
  id,
  name: id,
  teamIds: [],
  repIds,
  requireWorkingHours: false,
  slaMinutes: 30,
  slaInBusinessHours: false,
  maxAttempts: 2,
  ...extra,
});

const RULES: RoutingRuleSet = {
  version: 'test-1',
  rules: [{ id: 'all', when: {}, pool: 'main', strategy: 'round_robin', accountOwnerFirst: false }],
  fallback: { pool: 'general', strategy: 'round_robin' },
  accountNameSimilarity: 0.9,
};

function context(reps: RepProfile[], pools: Pool[]): SessionContext {
  let next = 0;
  return {
    ruleSet: RULES,
    directory: { reps, teams: [], pools, territories: [], accounts: [], loads: [], capacities: [] },
    poolStates: new Map(),
    now: NOW,
    contactUrlOf: (leadId) => `https://ingest.example/leads/${leadId}/contact`,
    newId: () => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`,
  };
}

let sequence = 0;
function qualification(): QualificationRecord {
  sequence += 1;
  const id = `10000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
  const leadId = `20000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
  return {
    qualificationId: id,
    leadId,
    qualifiedAt: NOW,
    receivedAt: NOW,
    status: 'queued',
    lead: {
      route: { leadId, qualificationId: id, grade: 'A', behaviourScore: 70, fitScore: 80, country: 'DE' },
      profile: { country: 'DE', company: 'Acme' },
      topFactors: [{ ruleId: 'demo', label: 'Requested a demo', points: 40 }],
      correlationId: `corr-${sequence}`,
    },
  };
}

const routedEvents = (session: RoutingSession): LeadRoutedV1[] =>
  session.changes().outbox.map((message) => decodeEventJson(Topics.leadRouted, message.value));

describe('RoutingSession', () => {
  it('routes a qualification to one rep and publishes a valid lead.routed.v1 with its SLA and summary', () => {
    const session = new RoutingSession(context([rep('ana'), rep('bo')], [pool('main', ['ana', 'bo'])]), []);
    const lead = qualification();
    session.qualify(lead);

    const [routed] = routedEvents(session);
    expect(routed).toMatchObject({
      leadId: lead.leadId,
      qualificationId: lead.qualificationId,
      attempt: 1,
      trigger: 'qualified',
      poolId: 'main',
      slaDueAt: '2026-03-02T10:30:00.000Z',
      profile: { country: 'DE', company: 'Acme' },
      correlationId: 'corr-' + sequence,
    });
    const changes = session.changes();
    expect(changes.newAssignments).toHaveLength(1);
    expect(changes.decisions).toEqual([expect.objectContaining({ outcome: 'assigned', ruleSetVersion: 'test-1' })]);
    expect(changes.qualifications).toEqual([expect.objectContaining({ status: 'assigned' })]);
  });

  it('each decision sees the loads of the previous one: a rep at their daily cap is skipped', () => {
    const reps = [rep('ana', { dailyCap: 1 }), rep('bo')];
    const session = new RoutingSession(context(reps, [pool('main', ['ana', 'bo'])]), []);
    for (let index = 0; index < 3; index += 1) session.qualify(qualification());
    expect(session.changes().newAssignments.map((a) => a.repId)).toEqual(['ana', 'bo', 'bo']);
  });

  it('a rejection goes to a rep who has not had the lead, and past the pool limit escalates to the fallback pool', () => {
    const reps = [rep('ana'), rep('bo'), rep('cy')];
    const pools = [pool('main', ['ana', 'bo']), pool('general', ['cy'])];
    const session = new RoutingSession(context(reps, pools), []);
    const lead = qualification();
    session.qualify(lead);
    expect(session.salesOutcome({ leadId: lead.leadId, outcome: 'rejected' })).toBeNull();
    expect(session.salesOutcome({ leadId: lead.leadId, outcome: 'rejected' })).toBeNull();

    const attempts = session.changes().newAssignments;
    expect(attempts.map((a) => [a.repId, a.trigger, a.poolId, a.status])).toEqual([
      ['ana', 'qualified', 'main', 'rejected'],
      ['bo', 'rejected', 'main', 'rejected'],
      ['cy', 'escalated', 'general', 'open'],
    ]);
    expect(routedEvents(session).map((event) => event.previousRepId)).toEqual([undefined, 'ana', 'bo']);
  });

  it('a lead nobody can take is queued once and routed when retried with someone eligible', () => {
    const away = [{ from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' }];
    const lead = qualification();
    const waiting = new RoutingSession(context([rep('ana', { outOfOffice: away })], [pool('main', ['ana'])]), []);
    waiting.qualify(lead);
    expect(waiting.retryQueued(waiting.changes().qualifications[0])).toBe(false);
    const queued = waiting.changes();
    expect(queued.decisions).toEqual([expect.objectContaining({ outcome: 'queued', poolId: 'main' })]);
    expect(queued.qualifications[0]).toMatchObject({ status: 'queued', queue: { poolId: 'main', since: NOW } });
    expect(queued.outbox).toHaveLength(0);

    const later = { ...context([rep('ana')], [pool('main', ['ana'])]), now: '2026-03-02T10:05:00.000Z' };
    const returned = new RoutingSession(later, []);
    expect(returned.retryQueued(queued.qualifications[0])).toBe(true);
    expect(returned.changes().queueWaitsMs).toEqual([5 * 60_000]);
  });

  it('ignores an outcome from a rep who no longer holds the lead, and a second acceptance', () => {
    const session = new RoutingSession(context([rep('ana'), rep('bo')], [pool('main', ['ana', 'bo'])]), []);
    const lead = qualification();
    session.qualify(lead);
    expect(session.salesOutcome({ leadId: lead.leadId, outcome: 'rejected', repId: 'bo' })).toMatch(/with ana/);
    expect(session.salesOutcome({ leadId: lead.leadId, outcome: 'accepted', repId: 'ana' })).toBeNull();
    expect(session.salesOutcome({ leadId: lead.leadId, outcome: 'accepted' })).toMatch(/already accepted/);
    expect(session.changes().newAssignments.map((a) => a.status)).toEqual(['accepted']);
  });

  it('a won deal closes the assignment and frees the rep for least-loaded decisions', () => {
    const rules = { ...RULES, rules: [{ ...RULES.rules[0], strategy: 'least_loaded' as const }] };
    const session = new RoutingSession(
      { ...context([rep('ana'), rep('bo')], [pool('main', ['ana', 'bo'])]), ruleSet: rules },
      [],
    );
    const first = qualification();
    session.qualify(first);
    session.qualify(qualification());
    expect(session.salesOutcome({ leadId: first.leadId, outcome: 'won' })).toBeNull();
    session.qualify(qualification());
    const changes = session.changes();
    expect(changes.newAssignments.map((a) => [a.repId, a.status])).toEqual([
      ['ana', 'won'],
      ['bo', 'open'],
      ['ana', 'open'],
    ]);
    expect(changes.qualifications.find((q) => q.qualificationId === first.qualificationId)?.status).toBe('closed');
  });
});

describe('RoutingSession after an escalation', () => {
  it('keeps an escalated lead in the fallback pool when the fallback rep rejects it too', () => {
    const reps = [rep('ana'), rep('bo'), rep('cy'), rep('dee')];
    const pools = [pool('main', ['ana', 'bo']), pool('general', ['cy', 'dee'])];
    const session = new RoutingSession(context(reps, pools), []);
    const lead = qualification();
    session.qualify(lead);
    for (let rejection = 0; rejection < 3; rejection += 1) {
      expect(session.salesOutcome({ leadId: lead.leadId, outcome: 'rejected' })).toBeNull();
    }
    expect(session.changes().newAssignments.map((a) => [a.repId, a.trigger, a.poolId])).toEqual([
      ['ana', 'qualified', 'main'],
      ['bo', 'rejected', 'main'],
      ['cy', 'escalated', 'general'],
      ['dee', 'rejected', 'general'],
    ]);
  });
});
