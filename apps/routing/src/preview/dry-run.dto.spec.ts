import type { AssignedDecision, QueuedDecision, RoutingRuleSet } from '@handoff/domain-routing';
import type { DecisionContext } from '../assignment/decision-context';
import { dryRunAnswerOf } from './dry-run.dto';

const NOW = '2026-03-02T10:00:00.000Z';
const context: DecisionContext = {
  ruleSet: { version: 'candidate-1' } as RoutingRuleSet,
  directory: { reps: [], teams: [], pools: [], territories: [], accounts: [], loads: [], capacities: [] },
  poolStates: new Map(),
  now: NOW,
};
const trace = { rules: [{ ruleId: 'inbound', matched: true }], candidates: [] };
const assigned: AssignedDecision = {
  outcome: 'assigned',
  repId: 'ina',
  poolId: 'inbound',
  ruleId: 'inbound',
  strategy: 'round_robin',
  path: 'rule_pool',
  reason: 'Rule inbound matched; round robin picked ina',
  slaDueAt: '2026-03-02T11:00:00.000Z',
};
const queued: QueuedDecision = {
  outcome: 'queued',
  poolId: 'inbound',
  ruleId: 'inbound',
  strategy: 'round_robin',
  reason: 'all 2 reps in pool inbound ineligible: 2 out of office',
};

describe('dryRunAnswerOf', () => {
  it('answers the decision and its trace apart, under which rules and as of when, without the next turn order', () => {
    const decision = { ...assigned, trace, poolState: { lastRepId: 'ina', sequence: 8 } };
    expect(dryRunAnswerOf(decision, context, 'inline')).toEqual({
      ruleSetVersion: 'candidate-1',
      ruleSetSource: 'inline',
      decidedAt: NOW,
      decision: assigned,
      trace,
    });
  });

  it('answers a queued decision with its pool and reason only', () => {
    const decision = { ...queued, trace, poolState: { sequence: 0 } };
    expect(dryRunAnswerOf(decision, context, 'active').decision).toEqual(queued);
  });
});
