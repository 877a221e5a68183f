import {
  DEFAULT_TRAINING_POLICY,
  type LabelledSample,
  type TrainingPolicy,
  type TrainingResult,
  trainConversionModel,
} from './conversion-model';
import { type FeatureDefinition, featureDefinitionFrom, featureNamesOf, featureVectorOf } from './feature-definition';
import type { LeadSnapshot } from './feature-definition';

/** What sales said in the end: won converts; lost and rejected do not; accepted alone is not an outcome. */
export const HAND_OFF_OUTCOMES = ['won', 'lost', 'rejected'] as const;
export type HandOffOutcome = (typeof HAND_OFF_OUTCOMES)[number];

/** One qualification of one lead: its features frozen at the hand-off, and the outcome once sales reports one. */
export interface HandOffRecord {
  handedAt: number;
  snapshot: LeadSnapshot;
  outcome: HandOffOutcome | null;
}

const DAY_MS = 86_400_000;

/**
 * The training labels. A lead without an outcome is unlabeled until `openHorizonDays` have passed since its
 * hand-off; after that, silence is a non-conversion (sales never turned it into a deal).
 */
export function labelHandOffs<R extends Pick<HandOffRecord, 'handedAt' | 'outcome'>>(
  records: readonly R[],
  now: number,
  openHorizonDays: number,
): (R & { converted: 0 | 1 })[] {
  const horizon = now - openHorizonDays * DAY_MS;
  return records.flatMap((record) => {
    if (record.outcome === null && record.handedAt > horizon) return [];
    return [{ ...record, converted: record.outcome === 'won' ? (1 as const) : (0 as const) }];
  });
}

export interface HandOffTraining {
  definition: FeatureDefinition;
  result: TrainingResult;
}

/** Fixes the feature vocabularies from the labelled history, then trains on it (time-ordered validation). */
export function trainOnHandOffs(
  records: readonly HandOffRecord[],
  now: number,
  options: { openHorizonDays: number; policy?: TrainingPolicy },
): HandOffTraining {
  const labelled = labelHandOffs(records, now, options.openHorizonDays);
  const definition = featureDefinitionFrom(labelled.map((entry) => entry.snapshot));
  const samples: LabelledSample[] = labelled.map((entry) => ({
    handedAt: entry.handedAt,
    features: featureVectorOf(definition, entry.snapshot),
    converted: entry.converted,
  }));
  return {
    definition,
    result: trainConversionModel(featureNamesOf(definition), samples, options.policy ?? DEFAULT_TRAINING_POLICY),
  };
}
