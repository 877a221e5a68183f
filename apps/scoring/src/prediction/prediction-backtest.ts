import { withEngagement } from '@handoff/domain-prediction';
import {
  type LeadHistory,
  type ReplayPrediction,
  replayLead,
  type ScoringModel,
  toIso,
  toMillis,
} from '@handoff/domain-scoring';
import {
  leadSnapshotOf,
  NO_PREDICTION_INPUTS,
  type PredictionInputs,
  predictionOf,
  type Predictor,
} from './live-prediction';

export interface QualificationQuality {
  /** Leads that became MQLs at least once. */
  mqls: number;
  /** Of them, leads sales later won. */
  wonAmongMqls: number;
  /** wonAmongMqls / mqls; null without MQLs. */
  precision: number | null;
  /** wonAmongMqls / every won lead; null without won leads. */
  recall: number | null;
}

export interface PredictionBacktestReport {
  modelVersion: number;
  qualifiesAt: number;
  leads: number;
  won: number;
  ruleOnly: QualificationQuality;
  withProbability: QualificationQuality;
  /** Leads only the probability qualifies. */
  addedByProbability: number;
}

/**
 * Replays recorded histories twice under the active rule model: with the rule alone, and with "rule or
 * probability ≥ qualifiesAt" from `predictor`, and compares MQL volume and how well each finds the leads sales
 * won. Recorded history only knows the outcomes of leads that were handed over, so leads the probability adds
 * have no outcome and count as not won: the precision it shows is a lower bound.
 */
export function backtestPrediction(
  histories: readonly LeadHistory[],
  model: ScoringModel,
  predictor: Predictor,
  qualifiesAt: number,
  at: string,
): PredictionBacktestReport {
  const active: Predictor = { ...predictor, mode: 'active', qualifiesAt };
  let won = 0;
  let added = 0;
  const rule = { mqls: 0, wonAmongMqls: 0 };
  const both = { mqls: 0, wonAmongMqls: 0 };
  for (const history of histories) {
    const isWon = history.events.some((event) => event.kind === 'sales' && event.outcome === 'won');
    const byRule = qualifies(replayLead(history, model, at));
    const byEither = qualifies(replayLead(history, model, at, predictionHook(active, qualifiesAt)));
    won += isWon ? 1 : 0;
    added += byEither && !byRule ? 1 : 0;
    tally(rule, byRule, isWon);
    tally(both, byEither, isWon);
  }
  return {
    modelVersion: predictor.version,
    qualifiesAt,
    leads: histories.length,
    won,
    ruleOnly: qualityOf(rule, won),
    withProbability: qualityOf(both, won),
    addedByProbability: added,
  };
}

/** Folds each replayed engagement into the model's inputs, as live scoring does, and predicts at every step. */
function predictionHook(predictor: Predictor, qualifiesAt: number): ReplayPrediction {
  // Recorded inputs do not keep the source an engagement came through: replays predict without it.
  let inputs: PredictionInputs = NO_PREDICTION_INPUTS;
  return ({ state, score, at, engagement }) => {
    if (engagement) {
      const fact = { type: engagement.type, at: toMillis(engagement.occurredAt) };
      inputs = { ...inputs, engagement: withEngagement(inputs.engagement, fact) };
    }
    const instant = toIso(at);
    const { probability } = predictionOf(predictor, leadSnapshotOf(state, score, inputs, instant), instant);
    return { probability, qualifiesAt };
  };
}

const qualifies = (outcome: ReturnType<typeof replayLead>) => outcome.events.some((e) => e.type === 'qualified');

function tally(counts: { mqls: number; wonAmongMqls: number }, qualified: boolean, isWon: boolean): void {
  if (!qualified) return;
  counts.mqls++;
  if (isWon) counts.wonAmongMqls++;
}

function qualityOf(counts: { mqls: number; wonAmongMqls: number }, won: number): QualificationQuality {
  return {
    ...counts,
    precision: counts.mqls === 0 ? null : counts.wonAmongMqls / counts.mqls,
    recall: won === 0 ? null : counts.wonAmongMqls / won,
  };
}
