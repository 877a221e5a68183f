import type { Grade, LifecycleStage } from '@handoff/shared-vocabulary';
import { day, modelWith } from '../../testing/builders';
import { createLeadState } from '../state/lead-state';
import { evaluateLifecycle } from './evaluate-lifecycle';
import type { LifecycleSalesOutcome, LifecycleState } from './lifecycle.types';

const model = modelWith([], { qualification: { minBehaviour: 60, minGrade: 'B' }, decayThresholds: { coldBelow: 30 } });
const noColdModel = modelWith([], { qualification: { minBehaviour: 60, minGrade: 'B' } });

const at = (stage: LifecycleStage, qualificationCount = 0): LifecycleState => ({
  ...createLeadState('lead-1', stage).lifecycle,
  qualificationCount,
});
const score = (behaviour: number, grade: Grade = 'A', atDay = 1) =>
  ({ kind: 'score', behaviour, fitScore: 50, grade, at: day(atDay) }) as const;
const sales = (outcome: LifecycleSalesOutcome, reason?: string) =>
  ({ kind: 'sales', outcome, reason, at: day(2) }) as const;

describe('evaluateLifecycle', () => {
  describe('qualification', () => {
    it.each<LifecycleStage>(['subscriber', 'lead', 'recycled'])(
      'makes a %s that meets behaviour and grade an MQL and emits one qualified event',
      (stage) => {
        const result = evaluateLifecycle(at(stage), score(60, 'B'), model);
        expect(result.lifecycle).toEqual({
          stage: 'mql',
          since: day(1),
          reason: 'qualified',
          detail: null,
          qualificationCount: 1,
          lastQualifiedAt: day(1),
        });
        expect(result.events).toEqual([
          { type: 'stage_changed', from: stage, to: 'mql', at: day(1), reason: 'qualified', detail: null },
          { type: 'qualified', at: day(1), behaviour: 60, fitScore: 50, grade: 'B', qualificationNumber: 1 },
        ]);
      },
    );

    it('does not qualify when behaviour is below the bar', () => {
      expect(evaluateLifecycle(at('lead'), score(59.99, 'A'), model).events).toEqual([]);
    });

    it('does not qualify when the grade is below the minimum', () => {
      expect(evaluateLifecycle(at('lead'), score(100, 'C'), model).events).toEqual([]);
    });

    it('qualifies on an activated conversion probability at its threshold, whatever behaviour and grade say', () => {
      const predicted = { ...score(10, 'D'), predicted: { probability: 0.4, qualifiesAt: 0.4 } };

      expect(evaluateLifecycle(at('lead'), predicted, model).lifecycle.stage).toBe('mql');
    });

    it('does not qualify on a probability below the threshold when the rule is not met either', () => {
      const predicted = { ...score(10, 'D'), predicted: { probability: 0.39, qualifiesAt: 0.4 } };

      expect(evaluateLifecycle(at('lead'), predicted, model).events).toEqual([]);
    });

    it('emits qualified only once while the lead stays an MQL', () => {
      const first = evaluateLifecycle(at('lead'), score(70), model);
      const again = evaluateLifecycle(first.lifecycle, score(90, 'A', 2), model);
      expect(again).toEqual({ lifecycle: first.lifecycle, events: [], ignored: null });
    });

    it('re-qualifies only after a recycle, numbering the qualification', () => {
      const mql = evaluateLifecycle(at('lead'), score(70), model).lifecycle;
      const recycled = evaluateLifecycle(mql, sales('rejected', 'no budget'), model).lifecycle;
      const requalified = evaluateLifecycle(recycled, score(80, 'A', 40), model);
      expect(requalified.lifecycle).toMatchObject({ stage: 'mql', qualificationCount: 2, lastQualifiedAt: day(40) });
      expect(requalified.events[1]).toMatchObject({ type: 'qualified', qualificationNumber: 2 });
    });

    it.each<LifecycleStage>(['sql', 'opportunity', 'customer', 'disqualified'])('never qualifies a %s', (stage) => {
      expect(evaluateLifecycle(at(stage), score(100), model).events).toEqual([]);
    });
  });

  describe('engagement and decay', () => {
    it('promotes a subscriber with a positive score to lead', () => {
      const result = evaluateLifecycle(at('subscriber'), score(5, 'D'), model);
      expect(result.lifecycle).toMatchObject({ stage: 'lead', reason: 'engaged' });
      expect(result.events).toEqual([
        { type: 'stage_changed', from: 'subscriber', to: 'lead', at: day(1), reason: 'engaged', detail: null },
      ]);
    });

    it('keeps a subscriber whose score is not positive', () => {
      expect(evaluateLifecycle(at('subscriber'), score(0, 'A'), model).lifecycle.stage).toBe('subscriber');
    });

    it('recycles an MQL whose decayed score drops below the cold threshold', () => {
      const result = evaluateLifecycle(at('mql', 1), score(29.9, 'A', 90), model);
      expect(result.lifecycle).toMatchObject({ stage: 'recycled', reason: 'went_cold', since: day(90) });
      expect(result.events).toEqual([
        { type: 'stage_changed', from: 'mql', to: 'recycled', at: day(90), reason: 'went_cold', detail: null },
      ]);
    });

    it('keeps an MQL at or above the cold threshold', () => {
      expect(evaluateLifecycle(at('mql', 1), score(30), model).events).toEqual([]);
    });

    it('never recycles for decay when the model has no cold threshold', () => {
      expect(evaluateLifecycle(at('mql', 1), score(0), noColdModel).events).toEqual([]);
    });

    it('does not recycle sales-owned stages for decay', () => {
      expect(evaluateLifecycle(at('sql', 1), score(0), model).events).toEqual([]);
    });
  });

  describe('sales outcomes', () => {
    it.each<[LifecycleSalesOutcome, LifecycleStage, LifecycleStage]>([
      ['accepted', 'mql', 'sql'],
      ['opportunity_opened', 'mql', 'opportunity'],
      ['opportunity_opened', 'sql', 'opportunity'],
      ['won', 'mql', 'customer'],
      ['won', 'sql', 'customer'],
      ['won', 'opportunity', 'customer'],
      ['rejected', 'mql', 'recycled'],
      ['rejected', 'sql', 'recycled'],
      ['lost', 'sql', 'recycled'],
      ['lost', 'opportunity', 'recycled'],
    ])('moves on "%s" from %s to %s', (outcome, from, to) => {
      const result = evaluateLifecycle(at(from, 1), sales(outcome, 'why'), model);
      expect(result.lifecycle).toMatchObject({ stage: to, reason: outcome, detail: 'why', since: day(2) });
      expect(result.events).toEqual([{ type: 'stage_changed', from, to, at: day(2), reason: outcome, detail: 'why' }]);
      expect(result.ignored).toBeNull();
    });

    it('records a missing reason as null', () => {
      expect(evaluateLifecycle(at('mql', 1), sales('accepted'), model).lifecycle.detail).toBeNull();
    });

    it.each<[LifecycleSalesOutcome, LifecycleStage]>([
      ['accepted', 'lead'],
      ['accepted', 'sql'],
      ['accepted', 'customer'],
      ['won', 'lead'],
      ['won', 'recycled'],
      ['rejected', 'opportunity'],
      ['lost', 'mql'],
      ['lost', 'customer'],
      ['opportunity_opened', 'recycled'],
    ])('ignores "%s" for a %s and says why', (outcome, stage) => {
      const lifecycle = at(stage, 1);
      const result = evaluateLifecycle(lifecycle, sales(outcome), model);
      expect(result.lifecycle).toBe(lifecycle);
      expect(result.events).toEqual([]);
      expect(result.ignored).toContain(`sales outcome "${outcome}" needs stage`);
      expect(result.ignored).toContain(`lead is ${stage}`);
    });
  });

  describe('disqualification', () => {
    it.each<LifecycleStage>(['subscriber', 'lead', 'mql', 'sql', 'opportunity', 'recycled'])(
      'disqualifies a %s with the reason',
      (stage) => {
        const result = evaluateLifecycle(at(stage), { kind: 'disqualify', reason: 'student', at: day(3) }, model);
        expect(result.lifecycle).toMatchObject({ stage: 'disqualified', reason: 'disqualified', detail: 'student' });
        expect(result.events).toHaveLength(1);
      },
    );

    it.each<LifecycleStage>(['customer', 'disqualified'])('ignores disqualifying a %s', (stage) => {
      const result = evaluateLifecycle(at(stage), { kind: 'disqualify', reason: 'x', at: day(3) }, model);
      expect(result.events).toEqual([]);
      expect(result.ignored).toBe(`a ${stage} cannot be disqualified`);
    });
  });

  it('takes the full journey subscriber → lead → mql → sql → opportunity → customer', () => {
    const steps = [score(10, 'D'), score(65, 'A', 5), sales('accepted'), sales('opportunity_opened'), sales('won')];
    let lifecycle = at('subscriber');
    const stages: LifecycleStage[] = [];
    for (const input of steps) {
      lifecycle = evaluateLifecycle(lifecycle, input, model).lifecycle;
      stages.push(lifecycle.stage);
    }
    expect(stages).toEqual(['lead', 'mql', 'sql', 'opportunity', 'customer']);
  });
});
