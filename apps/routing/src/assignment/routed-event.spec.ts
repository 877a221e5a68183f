import { MAX_DECISION_STEPS } from '@handoff/contracts';
import type { CandidateTrace, RoutingTrace } from '@handoff/domain-routing';
import { decisionStepsOf } from './routed-event';

const candidate = (repId: string, extra: Partial<CandidateTrace> = {}): CandidateTrace => ({
  repId,
  eligible: true,
  checks: [],
  chosen: false,
  ...extra,
});

describe('decisionStepsOf', () => {
  it('lists the rules, the chosen rep first, why others were out, then the decision', () => {
    const trace: RoutingTrace = {
      rules: [
        { ruleId: 'enterprise', matched: false, failedCondition: 'employeeCount 200 < 1000' },
        { ruleId: 'inbound', matched: true },
      ],
      candidates: [
        candidate('ana', {
          eligible: false,
          checks: [
            { check: 'active', passed: true, detail: 'active' },
            { check: 'out_of_office', passed: false, detail: 'out of office until 2026-03-09T00:00:00Z' },
          ],
        }),
        candidate('bo', { chosen: true, strategyDetail: 'turn 1 of 2' }),
      ],
    };
    expect(decisionStepsOf(trace, 'inbound matched; round robin picked Bo')).toEqual([
      { step: 'rule', outcome: 'not matched', detail: 'enterprise: employeeCount 200 < 1000' },
      { step: 'rule', outcome: 'matched', detail: 'inbound' },
      { step: 'candidate', outcome: 'chosen', detail: 'bo: turn 1 of 2' },
      {
        step: 'candidate',
        outcome: 'ineligible',
        detail: 'ana: out_of_office: out of office until 2026-03-09T00:00:00Z',
      },
      { step: 'decision', outcome: 'assigned', detail: 'inbound matched; round robin picked Bo' },
    ]);
  });

  it('fits a pool of many reps into the contract limit and says how many candidates were left out', () => {
    const candidates = Array.from({ length: 80 }, (_, index) => candidate(`rep-${index}`, { chosen: index === 70 }));
    const steps = decisionStepsOf({ rules: [{ ruleId: 'inbound', matched: true }], candidates }, 'picked rep-70');
    expect(steps).toHaveLength(MAX_DECISION_STEPS);
    expect(steps[1]).toEqual({ step: 'candidate', outcome: 'chosen', detail: 'rep-70' });
    expect(steps.at(-2)).toEqual({
      step: 'candidates',
      outcome: 'omitted',
      detail: '33 more in GET /leads/:id/routing',
    });
    expect(steps.at(-1)?.step).toBe('decision');
  });
});
