import { directory, lead, pool, rep, rule, ruleSet } from '../../testing/builders';
import type { DirectorySnapshot } from '../directory.types';
import { backtestRules } from './backtest-rules';

const NOW = '2026-01-14T09:00:00.000Z';

/** Caps of one lead a day make every pick below independent of the strategy's order. */
const snapshot: DirectorySnapshot = directory({
  reps: [
    rep('ana', { dailyCap: 1 }),
    rep('bo', { dailyCap: 1 }),
    rep('cy', { dailyCap: 2 }),
    rep('dee', { dailyCap: 3 }),
  ],
  pools: [pool('general', { repIds: ['ana', 'bo', 'dee'] }), pool('dach', { repIds: ['cy'] })],
  loads: [{ repId: 'dee', assignedToday: 3, assignedLast30Days: 10, openLeads: 1 }],
});

const current = ruleSet([], { fallback: { pool: 'general', strategy: 'round_robin' } });
const candidate = ruleSet([rule('dach', { when: { countries: ['DE', 'AT', 'CH'] }, pool: 'dach' })], {
  fallback: { pool: 'general', strategy: 'round_robin' },
});
const leads = [
  lead({ leadId: 'l1', qualificationId: 'q1', country: 'DE' }),
  lead({ leadId: 'l2', qualificationId: 'q2', country: 'AT' }),
  lead({ leadId: 'l3', qualificationId: 'q3', country: 'US' }),
];

describe('backtestRules', () => {
  const report = backtestRules(leads, current, candidate, snapshot, NOW);

  it('reports per lead where it went under each rule set and what changed', () => {
    expect(report.perLead.map((result) => [result.leadId, result.current.poolId, result.candidate.poolId])).toEqual([
      ['l1', 'general', 'dach'],
      ['l2', 'general', 'dach'],
      ['l3', 'general', 'general'],
    ]);
    expect(report.perLead[0]).toMatchObject({
      current: { outcome: 'assigned', ruleId: 'fallback', path: 'fallback_pool' },
      candidate: { outcome: 'assigned', repId: 'cy', ruleId: 'dach', path: 'rule_pool' },
      repChanged: true,
      poolChanged: true,
      ruleChanged: true,
    });
    expect(report.perLead[2]).toMatchObject({ poolChanged: false, ruleChanged: false });
  });

  it('counts loads up during the replay, so caps bite and the third lead waits under the current rules', () => {
    expect(report.perLead[2].current).toEqual({ outcome: 'queued', poolId: 'general', ruleId: 'fallback' });
    expect(report.queued).toEqual({ current: 1, candidate: 0 });
    expect(report.changed).toEqual({ rep: 3, pool: 2, rule: 2 });
  });

  it('reports each assigned rep’s count and share under both sets and the difference', () => {
    const byRep = Object.fromEntries(report.perRep.map((result) => [result.repId, result]));
    expect(Object.keys(byRep)).toEqual(['ana', 'bo', 'cy']);
    expect(byRep.cy).toEqual({
      repId: 'cy',
      current: { assignments: 0, share: 0 },
      candidate: { assignments: 2, share: 2 / 3 },
      assignmentsDifference: 2,
      shareDifference: 2 / 3,
    });
    expect(byRep.ana.current).toEqual({ assignments: 1, share: 0.5 });
    expect(byRep.ana.current.assignments + byRep.bo.current.assignments).toBe(2);
    expect(byRep.ana.candidate.assignments + byRep.bo.candidate.assignments).toBe(1);
  });

  it('counts per rule and per pool the leads assigned and queued under both sets', () => {
    expect(report.perRule).toEqual([
      { id: 'dach', current: { assigned: 0, queued: 0 }, candidate: { assigned: 2, queued: 0 }, leadsDifference: 2 },
      {
        id: 'fallback',
        current: { assigned: 2, queued: 1 },
        candidate: { assigned: 1, queued: 0 },
        leadsDifference: -2,
      },
    ]);
    expect(report.perPool.map(({ id, leadsDifference }) => [id, leadsDifference])).toEqual([
      ['dach', 2],
      ['general', -2],
    ]);
  });

  it('replays the same rule set identically from fresh state', () => {
    const same = backtestRules(leads, candidate, candidate, snapshot, NOW);
    expect(same.changed).toEqual({ rep: 0, pool: 0, rule: 0 });
    expect(same.perRep.every((result) => result.assignmentsDifference === 0 && result.shareDifference === 0)).toBe(
      true,
    );
  });

  it('leaves the directory it was given untouched', () => {
    expect(snapshot.loads).toEqual([{ repId: 'dee', assignedToday: 3, assignedLast30Days: 10, openLeads: 1 }]);
  });

  it('reports nothing for no leads', () => {
    expect(backtestRules([], current, candidate, snapshot, NOW)).toEqual({
      leads: 0,
      changed: { rep: 0, pool: 0, rule: 0 },
      queued: { current: 0, candidate: 0 },
      perRule: [],
      perPool: [],
      perLead: [],
      perRep: [],
    });
  });
});
