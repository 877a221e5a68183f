import { account, directory, lead, pool, rep, request, rule, ruleSet, territory } from '../../testing/builders';
import type { PoolStrategyState } from '../decision.types';
import type { DirectorySnapshot, RepProfile } from '../directory.types';
import { routeLead } from './route-lead';

/** Stand-in strategy: the eligible rep with the lowest id wins, so these tests prove routeLead alone. */
const pick = jest.fn((eligible: { rep: RepProfile }[], _members: RepProfile[], state: PoolStrategyState) => {
  const ranked = [...eligible].sort((a, b) => a.rep.id.localeCompare(b.rep.id));
  return {
    repId: ranked[0].rep.id,
    state: { ...state, lastRepId: ranked[0].rep.id, sequence: state.sequence + 1 },
    scores: ranked.map((candidate, index) => ({ repId: candidate.rep.id, score: index, detail: `rank ${index + 1}` })),
  };
});
jest.mock('../strategies', () => ({ strategyFor: (name: string) => ({ name, pick }) }));

const WEDNESDAY_10_BERLIN = '2026-01-14T09:00:00.000Z';
const awayAllWeek = [{ from: '2026-01-12T00:00:00Z', to: '2026-01-19T00:00:00Z' }];

const reps = [
  rep('ana', { name: 'Ana Silva', teamIds: ['emea'] }),
  rep('bo', { name: 'Bo Li', teamIds: ['emea'] }),
  rep('cy', { name: 'Cy Park', teamIds: ['emea', 'key-accounts'] }),
  rep('dee', { name: 'Dee Roy' }),
  rep('olga', { name: 'Olga Berg', teamIds: ['key-accounts'] }),
  rep('kim', { name: 'Kim Lund', teamIds: ['key-accounts'] }),
];

function org(overrides: Partial<DirectorySnapshot> = {}): DirectorySnapshot {
  return directory({
    reps,
    pools: [
      pool('emea-ent', { teamIds: ['emea'], repIds: ['dee', 'ana'], slaMinutes: 30 }),
      pool('general', { repIds: ['bo'] }),
    ],
    territories: [territory('dach', { countries: ['DE', 'AT', 'CH'] })],
    accounts: [account('acme', { name: 'Acme GmbH', domains: ['acme.de'], ownerRepId: 'olga', segment: 'enterprise' })],
    loads: [{ repId: 'bo', assignedToday: 2, assignedLast30Days: 20, openLeads: 3 }],
    ...overrides,
  });
}

const enterpriseDach = rule('enterprise-dach', {
  when: { territories: ['dach'], employeeCount: { min: 1000 } },
  pool: 'emea-ent',
  strategy: 'weighted_round_robin',
});
const rules = ruleSet([rule('us', { when: { countries: ['US'] }, pool: 'general' }), enterpriseDach]);
const dachLead = lead({ country: 'DE', employeeCount: 1200 });
const stateOf = (poolId: string): PoolStrategyState => ({ sequence: 7, lastRepId: `${poolId}-last` });
const route = (overrides: Parameters<typeof request>[0] = {}, rulesUsed = rules, snapshot = org()) =>
  routeLead(request({ lead: dachLead, now: WEDNESDAY_10_BERLIN, ...overrides }), rulesUsed, snapshot, stateOf);

const withReps = (changes: Record<string, Partial<RepProfile>>): DirectorySnapshot =>
  org({ reps: reps.map((item) => ({ ...item, ...changes[item.id] })) });

beforeEach(() => pick.mockClear());

describe('routeLead to the matched rule’s pool', () => {
  it('assigns the strategy’s pick and explains the rule and the pick in one sentence', () => {
    const decision = route();
    expect(decision).toMatchObject({
      outcome: 'assigned',
      repId: 'ana',
      teamId: 'emea',
      poolId: 'emea-ent',
      ruleId: 'enterprise-dach',
      strategy: 'weighted_round_robin',
      path: 'rule_pool',
      slaDueAt: '2026-01-14T09:30:00.000Z',
      reason:
        'Rule enterprise-dach matched (territory dach, 1200 employees); weighted round robin picked Ana Silva (rank 1, 4 eligible)',
      poolState: { sequence: 8, lastRepId: 'ana' },
    });
  });

  it('traces every rule tried and every candidate with its checks, score and whether it was chosen', () => {
    const { trace } = route();
    expect(trace.rules).toEqual([
      { ruleId: 'us', matched: false, failedCondition: 'country DE not in [US]' },
      { ruleId: 'enterprise-dach', matched: true },
    ]);
    expect(trace.candidates.map((candidate) => [candidate.repId, candidate.chosen, candidate.strategyScore])).toEqual([
      ['ana', true, 0],
      ['bo', false, 1],
      ['cy', false, 2],
      ['dee', false, 3],
    ]);
    expect(trace.candidates[0].checks).toHaveLength(8);
    expect(trace.candidates[1].strategyDetail).toBe('rank 2');
    expect(trace.accountMatch).toBeUndefined();
    expect(trace.notes).toBeUndefined();
  });

  it('hands the strategy only eligible reps with their load, every member once, and the pool’s state', () => {
    route({ triedRepIds: ['ana'] }, rules, withReps({ cy: { active: false } }));
    const [eligible, members, state] = pick.mock.calls[0];
    expect(eligible.map((candidate) => candidate.rep.id)).toEqual(['bo', 'dee']);
    expect(eligible[0]).toMatchObject({ load: { openLeads: 3 } });
    expect(members.map((member) => member.id)).toEqual(['ana', 'bo', 'cy', 'dee']);
    expect(state).toEqual({ sequence: 7, lastRepId: 'emea-ent-last' });
  });

  it('leaves the team undefined for a rep who is in the pool by name only', () => {
    const decision = route(
      {},
      rules,
      withReps({ ana: { active: false }, bo: { active: false }, cy: { active: false } }),
    );
    expect(decision).toMatchObject({ outcome: 'assigned', repId: 'dee' });
    expect(decision.outcome === 'assigned' && decision.teamId).toBeUndefined();
  });
});

describe('routeLead to the fallback pool', () => {
  it('uses the fallback when no rule matches', () => {
    const decision = route({ lead: lead({ country: 'FR' }) });
    expect(decision).toMatchObject({
      outcome: 'assigned',
      repId: 'bo',
      poolId: 'general',
      ruleId: 'fallback',
      path: 'fallback_pool',
      strategy: 'round_robin',
    });
    expect(decision.reason).toBe(
      'No rule matched, so the fallback pool general; round robin picked Bo Li (rank 1, 1 eligible)',
    );
    expect(decision.trace.rules).toHaveLength(2);
  });

  it('goes straight to the fallback on an escalation, even when a rule would match', () => {
    const decision = route({ forceFallback: true, trigger: 'escalated' });
    expect(decision).toMatchObject({
      outcome: 'assigned',
      poolId: 'general',
      ruleId: 'fallback',
      path: 'fallback_pool',
    });
    expect(decision.trace.rules).toEqual([]);
    expect(decision.reason).toMatch(/^Escalated to the fallback pool general; /);
  });

  it('queues an escalation in the fallback pool when nobody there is eligible', () => {
    const decision = route({ forceFallback: true, triedRepIds: ['bo'] });
    expect(decision).toEqual(
      expect.objectContaining({
        outcome: 'queued',
        poolId: 'general',
        ruleId: 'fallback',
        reason: 'Escalated to the fallback pool general; the only rep in pool general ineligible: 1 already tried',
      }),
    );
  });
});

describe('routeLead when nobody is eligible', () => {
  it('queues the lead in the rule’s pool, never drops it, and counts why each rep was out', () => {
    const hoursPool = org().pools.map((item) =>
      item.id === 'emea-ent' ? { ...item, requireWorkingHours: true } : item,
    );
    const snapshot = {
      ...withReps({
        ana: { outOfOffice: awayAllWeek },
        bo: { outOfOffice: awayAllWeek },
        cy: { outOfOffice: awayAllWeek },
        dee: { timeZone: 'America/New_York' },
      }),
      pools: hoursPool,
    };
    const decision = route({}, rules, snapshot);
    expect(decision).toMatchObject({
      outcome: 'queued',
      poolId: 'emea-ent',
      ruleId: 'enterprise-dach',
      strategy: 'weighted_round_robin',
      reason:
        'Rule enterprise-dach matched (territory dach, 1200 employees); all 4 reps in pool emea-ent ineligible: 3 out of office, 1 outside working hours',
      poolState: { sequence: 7, lastRepId: 'emea-ent-last' },
    });
    expect(decision.trace.candidates.every((candidate) => !candidate.eligible && !candidate.chosen)).toBe(true);
    expect(pick).not.toHaveBeenCalled();
  });

  it('queues in a pool the directory does not know and notes it in the trace', () => {
    const decision = route({}, ruleSet([rule('r', { pool: 'gone' })]));
    expect(decision).toMatchObject({ outcome: 'queued', poolId: 'gone', ruleId: 'r' });
    expect(decision.reason).toBe(
      'Rule r matched (no conditions); pool gone is not in the directory, so nobody is eligible',
    );
    expect(decision.trace.notes).toEqual(['pool gone is not in the directory']);
  });

  it('notes reps a pool names that the directory does not know', () => {
    const snapshot = org({ pools: [pool('emea-ent', { repIds: ['ghost', 'ana'] })] });
    const decision = route({}, rules, snapshot);
    expect(decision).toMatchObject({ outcome: 'assigned', repId: 'ana' });
    expect(decision.trace.notes).toEqual(['pool emea-ent names reps not in the directory: ghost']);
  });

  it('says so when the pool has no members at all', () => {
    const decision = route({}, rules, org({ pools: [pool('emea-ent')] }));
    expect(decision.reason).toMatch(/; pool emea-ent has no members$/);
  });
});

describe('routeLead with account owner first', () => {
  const ownerFirst = ruleSet([{ ...enterpriseDach, accountOwnerFirst: true }]);
  const acmeLead = lead({ country: 'DE', employeeCount: 1200, emailDomain: 'acme.de' });

  it('assigns the matched account’s owner when eligible, outside the pool and without the strategy', () => {
    const decision = route({ lead: acmeLead }, ownerFirst);
    expect(decision).toMatchObject({
      outcome: 'assigned',
      repId: 'olga',
      path: 'account_owner',
      poolId: 'emea-ent',
      poolState: { sequence: 7, lastRepId: 'emea-ent-last' },
      reason:
        'Rule enterprise-dach matched (territory dach, 1200 employees); account Acme GmbH (exact domain, confidence 1) goes to its owner Olga Berg',
    });
    expect(decision.outcome === 'assigned' && decision.teamId).toBeUndefined();
    expect(decision.trace.accountMatch).toMatchObject({ accountId: 'acme', ownerRepId: 'olga', confidence: 1 });
    expect(decision.trace.candidates).toEqual([
      expect.objectContaining({ repId: 'olga', chosen: true, eligible: true }),
    ]);
    expect(pick).not.toHaveBeenCalled();
  });

  it('falls back to the owner’s first team through the rule’s strategy when the owner is unavailable', () => {
    const decision = route({ lead: acmeLead }, ownerFirst, withReps({ olga: { outOfOffice: awayAllWeek } }));
    expect(decision).toMatchObject({ outcome: 'assigned', repId: 'cy', path: 'owner_team', teamId: 'key-accounts' });
    expect(decision.reason).toBe(
      'Rule enterprise-dach matched (territory dach, 1200 employees); account Acme GmbH (exact domain, confidence 1) has owner Olga Berg, unavailable (out of office until 2026-01-19T00:00:00Z), so in team key-accounts weighted round robin picked Cy Park (rank 1, 2 eligible)',
    );
    expect(pick.mock.calls[0][1].map((member) => member.id)).toEqual(['cy', 'olga', 'kim']);
  });

  it('continues to the rule’s pool when neither the owner nor the owner’s team is eligible', () => {
    const snapshot = withReps({
      olga: { active: false },
      kim: { active: false },
      cy: { pausedUntil: '2026-02-01T00:00:00Z' },
    });
    const decision = route({ lead: acmeLead }, ownerFirst, snapshot);
    expect(decision).toMatchObject({ outcome: 'assigned', repId: 'ana', path: 'rule_pool' });
    expect(decision.reason).toContain(
      'has owner Olga Berg, unavailable (inactive), and nobody in team key-accounts is eligible; ',
    );
    expect(decision.trace.candidates.map((candidate) => candidate.repId)).toEqual([
      'olga',
      'cy',
      'kim',
      'ana',
      'bo',
      'dee',
    ]);
  });

  it('notes an owner the directory does not know and routes through the pool', () => {
    const snapshot = org({ accounts: [account('acme', { domains: ['acme.de'], ownerRepId: 'left-company' })] });
    const decision = route({ lead: acmeLead }, ownerFirst, snapshot);
    expect(decision).toMatchObject({ outcome: 'assigned', path: 'rule_pool' });
    expect(decision.trace.notes).toEqual(['account owner left-company is not in the directory']);
  });

  it('ignores the owner when the rule does not ask for it', () => {
    const segmentRules = ruleSet([rule('ent', { when: { accountSegments: ['Enterprise'] }, pool: 'emea-ent' })]);
    const decision = route({ lead: acmeLead }, segmentRules);
    expect(decision).toMatchObject({ outcome: 'assigned', ruleId: 'ent', path: 'rule_pool', repId: 'ana' });
    expect(decision.reason).toMatch(/^Rule ent matched \(accountSegment enterprise\); /);
  });
});
