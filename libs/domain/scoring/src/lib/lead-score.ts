import { behaviourScoreAt, type BehaviourScore } from './behaviour/behaviour-score';
import { evaluateFit, type FitResult } from './fit/evaluate-fit';
import type { ScoreInput } from './lifecycle/lifecycle.types';
import type { ScoringModel } from './model/scoring-model.types';
import type { LeadState } from './state/lead-state';
import type { Instant } from './time';

export interface LeadScore {
  behaviour: BehaviourScore;
  fit: FitResult;
}

/** Behaviour as of `at` and fit from the current profile: what `lead.scored.v1` and the score API show. */
export function scoreLead(state: LeadState, at: Instant, model: ScoringModel): LeadScore {
  return { behaviour: behaviourScoreAt(state, at, model), fit: evaluateFit(state.profile, model) };
}

/** The lifecycle input that checks qualification and going cold for a computed score. */
export function scoreInputOf(score: LeadScore): ScoreInput {
  return {
    kind: 'score',
    behaviour: score.behaviour.total,
    fitScore: score.fit.fitScore,
    grade: score.fit.grade,
    at: score.behaviour.at,
  };
}
