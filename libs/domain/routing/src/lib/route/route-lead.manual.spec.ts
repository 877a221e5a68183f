import { directory, lead, pool, rep, request, rule, ruleSet } from '../../testing/builders';
import type { ManualMove, PoolStrategyState } from '../decision.types';
import type { DirectorySnapshot } from '../directory.types';
import { routeLead } from './route-lead';

/** A Wednesday, 10:00 in Berlin: inside office hours. */
const WEDNESDAY_10_BERLIN = '2026-01-14T09:00:00.000Z';
/** The same Wednesday, 20:00 in Berlin: after hours. */
const WEDNESDAY_20_BERLIN = '2026-01-14T19:00:00.000Z';

const org = (overrides: Partial<DirectorySnapshot> = {}): DirectorySnapshot =>
  directory({
    reps: [
      rep('ana', { name: 'Ana Silva', teamIds: ['emea'] }),
      rep('bo', { name: 'Bo Li', teamIds: ['emea'] }),
      rep('cy', { name: 'Cy Park', teamIds: ['emea'], dailyCap: 2 }),
      rep('dee', { name: 'Dee Roy', active: false, teamIds: ['emea'] }),
      rep('eli', { name: 'Eli Ng', teamIds: ['apac'] }),
    ],
    pools: [
      pool('emea', { teamIds: ['emea'], requireWorkingHours: true, slaMinutes: 30 }),
      pool('general', { repIds: ['eli'], slaMinutes: 240 }),
    ],
    loads: [{ repId: 'cy', assignedToday: 2, assignedLast30Days: 2, openLeads: 2 }],
    ...overrides,
  });

// The rule would send this lead elsewhere: a manual move must not match the rules again.
const rules = ruleSet([rule('us', { when: { countries: ['DE'] }, pool: 'general' })]);
const state: PoolStrategyState = { sequence: 4, lastRepId: 'ana' };
const move: ManualMove = { fromRepId: 'ana', poolId: 'emea', ruleId: 'emea-rule', strategy: 'round_robin' };

const manual = (manualMove: ManualMove, now = WEDNESDAY_10_BERLIN, snapshot = org()) =>
  routeLead(
    request({ lead: lead({ country: 'DE' }), trigger: 'manual', triedRepIds: ['ana'], attempt: 1, manualMove, now }),
    rules,
    snapshot,
    () => state,
  );

describe('routeLead for a manager’s move to a named rep', () => {
  it('assigns the named rep in the lead’s pool, path manual, and lists every check it bypassed', () => {
    const decision = manual({ ...move, toRepId: 'cy', note: 'speaks German' }, WEDNESDAY_20_BERLIN);
    expect(decision).toMatchObject({
      outcome: 'assigned',
      repId: 'cy',
      teamId: 'emea',
      poolId: 'emea',
      ruleId: 'emea-rule',
      strategy: 'round_robin',
      path: 'manual',
      reason:
        'Moved by a sales manager from ana to Cy Park ("speaks German"), bypassing: outside working hours, ' +
        'at the daily cap',
      slaDueAt: '2026-01-14T19:30:00.000Z',
      poolState: state,
    });
    expect(decision.trace.rules).toEqual([]);
    expect(decision.trace.candidates).toHaveLength(1);
    expect(decision.trace.candidates[0]).toMatchObject({ repId: 'cy', eligible: false, chosen: true });
    const failed = decision.trace.candidates[0].checks.filter((check) => !check.passed).map((check) => check.check);
    expect(failed).toEqual(['working_hours', 'daily_cap']);
    expect(decision.trace.notes).toEqual([
      'named by a sales manager: eligibility bypassed (outside working hours, at the daily cap)',
    ]);
  });

  it('says so when the named rep passed every check', () => {
    const decision = manual({ ...move, toRepId: 'bo' });
    expect(decision).toMatchObject({ repId: 'bo', reason: 'Moved by a sales manager from ana to Bo Li' });
    expect(decision.trace.notes).toEqual(['named by a sales manager: every eligibility check passed']);
  });

  it('may name a rep outside the pool, who keeps their own team', () => {
    expect(manual({ ...move, toRepId: 'eli' })).toMatchObject({ repId: 'eli', teamId: 'apac', poolId: 'emea' });
  });

  it.each([
    ['an unknown rep', 'zed', 'no rep has the id "zed"'],
    ['an inactive rep', 'dee', 'rep dee is inactive'],
    ['the rep who holds the lead', 'ana', 'the lead is already with ana'],
  ])('refuses %s, naming repId', (_case, toRepId, reason) => {
    expect(() => manual({ ...move, toRepId })).toThrow(
      expect.objectContaining({ code: 'invalid', details: [{ field: 'repId', reasons: [reason] }] }),
    );
  });

  it('takes the fallback pool’s SLA when the lead’s pool left the directory, and notes it', () => {
    const decision = manual({ ...move, poolId: 'gone', toRepId: 'bo' });
    expect(decision).toMatchObject({ poolId: 'gone', slaDueAt: '2026-01-14T13:00:00.000Z' });
    expect(decision.trace.notes?.[0]).toBe("pool gone is not in the directory: the SLA is the fallback pool's");
  });

  it('is a conflict when neither the lead’s pool nor the fallback pool is in the directory', () => {
    const snapshot = org({ pools: [] });
    expect(() => manual({ ...move, toRepId: 'bo' }, WEDNESDAY_10_BERLIN, snapshot)).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
  });
});

describe('routeLead for a manager’s move without a named rep', () => {
  it('keeps the lead’s pool and rule and lets the pool’s strategy pick among the reps who have not had it', () => {
    const decision = manual({ ...move, note: 'Ana is overloaded' });
    expect(decision).toMatchObject({
      outcome: 'assigned',
      repId: 'bo',
      poolId: 'emea',
      ruleId: 'emea-rule',
      path: 'rule_pool',
      poolState: { lastRepId: 'bo', sequence: 5 },
    });
    expect(decision.reason).toMatch(/^Moved by a sales manager from ana within pool emea \("Ana is overloaded"\); /);
    expect(decision.trace.rules).toEqual([]);
    const ana = decision.trace.candidates.find((candidate) => candidate.repId === 'ana');
    expect(ana?.checks.find((check) => check.check === 'already_tried')?.passed).toBe(false);
  });

  it('stays in the fallback pool when the lead was there', () => {
    const decision = manual({ ...move, fromRepId: 'bo', poolId: 'general', ruleId: 'fallback' });
    expect(decision).toMatchObject({ repId: 'eli', poolId: 'general', ruleId: 'fallback', path: 'fallback_pool' });
  });

  it('queues when nobody else in the pool is eligible (the caller decides what that means)', () => {
    const decision = manual(move, WEDNESDAY_20_BERLIN);
    expect(decision.outcome).toBe('queued');
  });
});
