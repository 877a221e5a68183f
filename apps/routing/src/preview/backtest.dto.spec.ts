import type { BacktestLeadResult, BacktestReport } from '@handoff/domain-routing';
import { backtestAnswerOf } from './backtest.dto';

const moved: BacktestLeadResult = {
  leadId: 'l1',
  qualificationId: 'q1',
  current: { outcome: 'assigned', repId: 'ina', poolId: 'inbound', ruleId: 'inbound', path: 'rule_pool' },
  candidate: { outcome: 'assigned', repId: 'dora', poolId: 'dach', ruleId: 'dach', path: 'rule_pool' },
  repChanged: true,
  poolChanged: true,
  ruleChanged: true,
};
const stayed: BacktestLeadResult = {
  ...moved,
  leadId: 'l2',
  qualificationId: 'q2',
  candidate: { ...moved.current, repId: 'ivo' },
  poolChanged: false,
  ruleChanged: false,
};
const report: BacktestReport = {
  leads: 2,
  changed: { rep: 2, pool: 1, rule: 1 },
  queued: { current: 0, candidate: 0 },
  perRule: [],
  perPool: [],
  perLead: [moved, stayed],
  perRep: [],
};

describe('backtestAnswerOf', () => {
  it('keeps the summary and, of the per-lead results, only the leads that would change pool', () => {
    const answer = backtestAnswerOf(report, { current: 'default-1', candidate: 'candidate-1' }, '2026-03-02T10:00:00Z');
    expect(answer).toEqual({
      currentVersion: 'default-1',
      candidateVersion: 'candidate-1',
      replayedAt: '2026-03-02T10:00:00Z',
      leads: 2,
      changed: { rep: 2, pool: 1, rule: 1 },
      queued: { current: 0, candidate: 0 },
      perRule: [],
      perPool: [],
      perRep: [],
      poolChanges: [moved],
    });
  });
});
