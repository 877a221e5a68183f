import type { LifecycleStage } from '@handoff/shared-vocabulary';
import { gradeAtLeast } from '../fit/evaluate-fit';
import type { ScoringModel } from '../model/scoring-model.types';
import { toIso } from '../time';
import type {
  DisqualifyInput,
  LifecycleInput,
  LifecycleResult,
  LifecycleSalesOutcome,
  LifecycleState,
  SalesInput,
  ScoreInput,
  StageChangeReason,
} from './lifecycle.types';

/** Stages from which crossing the qualification rule makes an MQL: never-qualified and recycled leads. */
const QUALIFIABLE: readonly LifecycleStage[] = ['subscriber', 'lead', 'recycled'];

const SALES_TRANSITIONS: Record<LifecycleSalesOutcome, { from: readonly LifecycleStage[]; to: LifecycleStage }> = {
  accepted: { from: ['mql'], to: 'sql' },
  opportunity_opened: { from: ['mql', 'sql'], to: 'opportunity' },
  won: { from: ['mql', 'sql', 'opportunity'], to: 'customer' },
  rejected: { from: ['mql', 'sql'], to: 'recycled' },
  lost: { from: ['sql', 'opportunity'], to: 'recycled' },
};

const TERMINAL: readonly LifecycleStage[] = ['customer', 'disqualified'];

/**
 * The lifecycle state machine. Score inputs qualify (→ mql, once per qualification: only subscriber, lead
 * and recycled can qualify), recycle a cold MQL, or promote an engaged subscriber to lead. Sales inputs
 * follow `SALES_TRANSITIONS`; any other combination is ignored with a reason and changes nothing.
 */
export function evaluateLifecycle(
  lifecycle: LifecycleState,
  input: LifecycleInput,
  model: ScoringModel,
): LifecycleResult {
  switch (input.kind) {
    case 'score':
      return onScore(lifecycle, input, model);
    case 'sales':
      return onSales(lifecycle, input);
    case 'disqualify':
      return onDisqualify(lifecycle, input);
  }
}

/** The model's rule, or an activated conversion model's probability at or above its threshold. */
export function meetsQualification(
  input: Pick<ScoreInput, 'behaviour' | 'grade' | 'predicted'>,
  model: ScoringModel,
): boolean {
  const rule = model.qualification;
  const byRule = input.behaviour >= rule.minBehaviour && gradeAtLeast(input.grade, rule.minGrade);
  return byRule || (input.predicted !== undefined && input.predicted.probability >= input.predicted.qualifiesAt);
}

function onScore(lifecycle: LifecycleState, input: ScoreInput, model: ScoringModel): LifecycleResult {
  const at = toIso(input.at);
  if (QUALIFIABLE.includes(lifecycle.stage) && meetsQualification(input, model)) return qualify(lifecycle, input, at);
  const cold = model.decayThresholds?.coldBelow;
  if (lifecycle.stage === 'mql' && cold !== undefined && input.behaviour < cold) {
    return moveTo(lifecycle, 'recycled', at, 'went_cold', null);
  }
  if (lifecycle.stage === 'subscriber' && input.behaviour > 0) return moveTo(lifecycle, 'lead', at, 'engaged', null);
  return { lifecycle, events: [], ignored: null };
}

function qualify(lifecycle: LifecycleState, input: ScoreInput, at: string): LifecycleResult {
  const moved = moveTo(lifecycle, 'mql', at, 'qualified', null);
  const qualificationNumber = lifecycle.qualificationCount + 1;
  return {
    lifecycle: { ...moved.lifecycle, qualificationCount: qualificationNumber, lastQualifiedAt: at },
    events: [
      ...moved.events,
      {
        type: 'qualified',
        at,
        behaviour: input.behaviour,
        fitScore: input.fitScore,
        grade: input.grade,
        qualificationNumber,
      },
    ],
    ignored: null,
  };
}

function onSales(lifecycle: LifecycleState, input: SalesInput): LifecycleResult {
  const transition = SALES_TRANSITIONS[input.outcome];
  if (!transition.from.includes(lifecycle.stage)) {
    const expected = transition.from.join(' or ');
    return ignore(lifecycle, `sales outcome "${input.outcome}" needs stage ${expected}, lead is ${lifecycle.stage}`);
  }
  return moveTo(lifecycle, transition.to, toIso(input.at), input.outcome, input.reason ?? null);
}

function onDisqualify(lifecycle: LifecycleState, input: DisqualifyInput): LifecycleResult {
  if (TERMINAL.includes(lifecycle.stage)) return ignore(lifecycle, `a ${lifecycle.stage} cannot be disqualified`);
  return moveTo(lifecycle, 'disqualified', toIso(input.at), 'disqualified', input.reason);
}

function moveTo(
  lifecycle: LifecycleState,
  to: LifecycleStage,
  at: string,
  reason: StageChangeReason,
  detail: string | null,
): LifecycleResult {
  return {
    lifecycle: { ...lifecycle, stage: to, since: at, reason, detail },
    events: [{ type: 'stage_changed', from: lifecycle.stage, to, at, reason, detail }],
    ignored: null,
  };
}

function ignore(lifecycle: LifecycleState, why: string): LifecycleResult {
  return { lifecycle, events: [], ignored: why };
}
