import { type EngagementHistory } from '@handoff/domain-prediction';
import { scoreLead, type ScoringModel } from '@handoff/domain-scoring';
import type { StoredLead } from '../scoring/scoring-session.types';
import { contributionInWords } from './contribution-words';
import { leadSnapshotOf, predictionOf, type Predictor } from './live-prediction';

export interface ConversionFactor {
  feature: string;
  value: number;
  /** Coefficient × standardised value: what the feature adds to the log-odds. */
  contribution: number;
  words: string;
}

export interface ConversionView {
  probability: number;
  low: number;
  high: number;
  modelVersion: number;
  mode: 'shadow' | 'active';
  factors: ConversionFactor[];
}

/** The lead's conversion probability at `at` under `predictor`, from its engagement as of then. */
export function conversionViewOf(
  predictor: Predictor,
  lead: StoredLead,
  model: ScoringModel,
  at: string,
  engagement: EngagementHistory,
): ConversionView {
  const score = scoreLead(lead.state, at, model);
  const snapshot = leadSnapshotOf(lead.state, score, { ...lead.prediction, engagement }, at);
  const { probability, low, high, modelVersion, mode, contributions } = predictionOf(predictor, snapshot, at);
  return {
    probability,
    low,
    high,
    modelVersion,
    mode,
    factors: contributions.map((entry) => ({ ...entry, words: contributionInWords(entry) })),
  };
}
