import type { LifecycleStage } from '@handoff/shared-vocabulary';
import { applyEngagement } from '../behaviour/apply-engagement';
import type { Engagement } from '../behaviour/engagement';
import { scoreInputOf, scoreLead, type LeadScore } from '../lead-score';
import { evaluateLifecycle } from '../lifecycle/evaluate-lifecycle';
import type {
  LifecycleEvent,
  LifecycleInput,
  LifecycleSalesOutcome,
  PredictedConversion,
} from '../lifecycle/lifecycle.types';
import type { ScoringModel } from '../model/scoring-model.types';
import { createLeadState, type LeadState } from '../state/lead-state';
import { toMillis, type Instant } from '../time';

export type HistoryEvent =
  | { kind: 'engagement'; engagement: Engagement }
  | { kind: 'sales'; eventId: string; occurredAt: string; outcome: LifecycleSalesOutcome; reason?: string };

/** One lead's recorded inputs in the order they were applied. */
export interface LeadHistory {
  leadId: string;
  initialStage?: LifecycleStage;
  events: HistoryEvent[];
}

/**
 * Called after each engagement is applied (and once more at the end, without one): what a conversion model
 * predicts for the lead then, when its probability may qualify the lead on its own.
 */
export type ReplayPrediction = (step: {
  state: LeadState;
  score: LeadScore;
  at: number;
  engagement?: Engagement;
}) => PredictedConversion | undefined;

export interface ReplayOutcome {
  leadId: string;
  state: LeadState;
  score: LeadScore;
  events: LifecycleEvent[];
}

/**
 * Rescores a history from scratch under `model`, as the live service would have: after each engagement the
 * lifecycle sees the score at the replay clock (the latest event time so far, so a late event cannot
 * "rewind" the lead), and a final evaluation at `at` applies decay up to then. Events after `at` are skipped.
 */
export function replayLead(
  history: LeadHistory,
  model: ScoringModel,
  at: Instant,
  predicted?: ReplayPrediction,
): ReplayOutcome {
  const atMs = toMillis(at);
  let state = createLeadState(history.leadId, history.initialStage);
  const events: LifecycleEvent[] = [];
  let clock = Number.NEGATIVE_INFINITY;
  const scoreStep = (score: LeadScore, stepAt: number, engagement?: Engagement): LifecycleInput => {
    const prediction = predicted?.({ state, score, at: stepAt, engagement });
    return prediction === undefined ? scoreInputOf(score) : { ...scoreInputOf(score), predicted: prediction };
  };
  const step = (input: LifecycleInput): void => {
    const result = evaluateLifecycle(state.lifecycle, input, model);
    state = { ...state, lifecycle: result.lifecycle };
    events.push(...result.events);
  };
  for (const event of history.events) {
    const occurredMs = toMillis(event.kind === 'engagement' ? event.engagement.occurredAt : event.occurredAt);
    if (occurredMs > atMs) continue;
    clock = Math.max(clock, occurredMs);
    if (event.kind === 'engagement') {
      state = applyEngagement(state, event.engagement, model).state;
      step(scoreStep(scoreLead(state, clock, model), clock, event.engagement));
    } else {
      step({ kind: 'sales', outcome: event.outcome, reason: event.reason, at: clock });
    }
  }
  const score = scoreLead(state, atMs, model);
  step(scoreStep(score, atMs));
  return { leadId: history.leadId, state, score, events };
}
