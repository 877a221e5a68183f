import type { ConversionPredictionV1, PredictionMode } from '@handoff/contracts';
import {
  combineEngagementHistories,
  type ConversionModel,
  EMPTY_ENGAGEMENT_HISTORY,
  type EngagementHistory,
  type FeatureContribution,
  type FeatureDefinition,
  featureVectorOf,
  type LeadSnapshot,
  predictConversion,
  withEngagement,
} from '@handoff/domain-prediction';
import { type LeadScore, type LeadState, type PredictedConversion, toMillis } from '@handoff/domain-scoring';

/** A trained conversion model as the scoring session uses it. */
export interface Predictor {
  version: number;
  mode: PredictionMode;
  /** The probability that qualifies a lead on its own; set only while the model is active. */
  qualifiesAt: number | null;
  model: ConversionModel;
  definition: FeatureDefinition;
}

/** A lead's latest prediction as stored and shown by the score API. */
export interface LatestPrediction extends ConversionPredictionV1 {
  at: string;
  contributions: FeatureContribution[];
}

/** What a lead's prediction is computed from besides its scoring state, kept beside it (lead_state.prediction). */
export interface PredictionInputs {
  engagement: EngagementHistory;
  /** The source (ingest's source id) of the lead's first engagement. */
  source: string | null;
  latest: LatestPrediction | null;
}

export const NO_PREDICTION_INPUTS: PredictionInputs = {
  engagement: EMPTY_ENGAGEMENT_HISTORY,
  source: null,
  latest: null,
};

export function withEngagementInput(
  inputs: PredictionInputs,
  engagement: { type: string; occurredAt: string; sourceId: string },
): PredictionInputs {
  return {
    ...inputs,
    engagement: withEngagement(inputs.engagement, { type: engagement.type, at: toMillis(engagement.occurredAt) }),
    source: inputs.source ?? engagement.sourceId,
  };
}

export function mergedPredictionInputs(survivor: PredictionInputs, merged: PredictionInputs): PredictionInputs {
  return {
    engagement: combineEngagementHistories(survivor.engagement, merged.engagement),
    source: survivor.source ?? merged.source,
    latest: survivor.latest,
  };
}

/** The lead as the model reads it at `at`: one definition for live prediction, training and backtests. */
export function leadSnapshotOf(state: LeadState, score: LeadScore, inputs: PredictionInputs, at: string): LeadSnapshot {
  return {
    at: toMillis(at),
    engagement: inputs.engagement,
    // The whole profile, though the model reads four fields: rule feedback evaluates fit rules on it as it was.
    profile: state.profile,
    ...(inputs.source === null ? {} : { source: inputs.source }),
    scores: {
      behaviourByGroup: Object.fromEntries(
        Object.values(score.behaviour.byGroup).map((group) => [group.groupId, group.score]),
      ),
      fit: score.fit.fitScore,
    },
  };
}

export function predictionOf(predictor: Predictor, snapshot: LeadSnapshot, at: string): LatestPrediction {
  const prediction = predictConversion(predictor.model, featureVectorOf(predictor.definition, snapshot));
  return {
    probability: prediction.probability,
    low: prediction.interval[0],
    high: prediction.interval[1],
    modelVersion: predictor.version,
    mode: predictor.mode,
    at,
    contributions: prediction.contributions,
  };
}

/** The qualification input of an active model; a shadow model decides nothing, so it gives none. */
export function predictedConversionOf(
  predictor: Predictor | null,
  snapshot: () => LeadSnapshot,
  at: string,
): PredictedConversion | undefined {
  if (predictor === null || predictor.mode !== 'active' || predictor.qualifiesAt === null) return undefined;
  return { probability: predictionOf(predictor, snapshot(), at).probability, qualifiesAt: predictor.qualifiesAt };
}

export function conversionOnTheWire(prediction: LatestPrediction): ConversionPredictionV1 {
  const round = (p: number) => Math.round(p * 10_000) / 10_000;
  return {
    probability: round(prediction.probability),
    low: round(prediction.low),
    high: round(prediction.high),
    modelVersion: prediction.modelVersion,
    mode: prediction.mode,
  };
}
