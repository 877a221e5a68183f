import {
  areaUnderRoc,
  brierScore,
  type CalibrationBin,
  calibrationTable,
  expectedCalibrationError,
  logLoss,
} from './evaluation-metrics';
import { type FeatureScaling, fitFeatureScaling, scaled } from './feature-scaling';
import { fitLogisticRegression, linearPredictor, type LogisticFit } from './logistic-regression';
import { calibratedProbability, fitPlattCalibration, type PlattCalibration } from './platt-calibration';
import { type OutcomeCounts, type TrainingMinimum, countOutcomes, trainingReadiness } from './training-readiness';

/** One lead handed to sales: its features as of the hand-off, and whether it converted (learnt later). */
export interface LabelledSample {
  handedAt: number;
  features: readonly number[];
  converted: 0 | 1;
}

export interface TrainingPolicy {
  minimum: TrainingMinimum;
  /** The latest share of the history, by hand-off time, held out for calibration and validation. */
  validationShare: number;
  l2: number;
}

export const DEFAULT_TRAINING_POLICY: TrainingPolicy = {
  minimum: { labelled: 200, converted: 20, notConverted: 20 },
  validationShare: 0.25,
  l2: 1,
};

export interface TimeWindow {
  from: number;
  to: number;
  counts: OutcomeCounts;
}

export interface ValidationReport extends TimeWindow {
  auc: number;
  logLoss: number;
  brier: number;
  calibration: CalibrationBin[];
  calibrationError: number;
}

export interface ConversionModel {
  featureNames: string[];
  scaling: FeatureScaling;
  logistic: LogisticFit;
  calibration: PlattCalibration;
  training: TimeWindow;
  validation: ValidationReport;
}

export type TrainingResult =
  | { status: 'trained'; model: ConversionModel }
  | { status: 'not_enough_data'; counts: OutcomeCounts; minimum: TrainingMinimum; reason: string };

/**
 * Trains on the earlier part of the history and validates on the later part, as the model will be used: on
 * leads handed over after everything it learnt from. The validation part also fits the calibration; its metrics
 * come from cross-fitted calibration (each half calibrated by the other), so they are not measured on the data
 * the calibration was fitted to.
 */
export function trainConversionModel(
  featureNames: readonly string[],
  samples: readonly LabelledSample[],
  policy: TrainingPolicy = DEFAULT_TRAINING_POLICY,
): TrainingResult {
  const readiness = trainingReadiness(
    samples.map((sample) => sample.converted),
    policy.minimum,
  );
  if (!readiness.ready) return { status: 'not_enough_data', ...readiness };
  const { training, validation } = timeOrderedSplit(samples, policy.validationShare);
  const scaling = fitFeatureScaling(training.map((sample) => sample.features));
  const logistic = fitLogisticRegression(
    training.map((sample) => scaled(scaling, sample.features)),
    training.map((sample) => sample.converted),
    { l2: policy.l2 },
  );
  const validationLogOdds = validation.map((sample) => linearPredictor(logistic, scaled(scaling, sample.features)));
  const validationLabels = validation.map((sample) => sample.converted);
  return {
    status: 'trained',
    model: {
      featureNames: [...featureNames],
      scaling,
      logistic,
      calibration: fitPlattCalibration(validationLogOdds, validationLabels),
      training: windowOf(training),
      validation: {
        ...windowOf(validation),
        ...validationMetrics(validationLogOdds, validationLabels),
      },
    },
  };
}

/** Sorted by hand-off time; the latest `validationShare` (at least one sample of each side) is held out. */
export function timeOrderedSplit<T extends { handedAt: number }>(
  samples: readonly T[],
  validationShare: number,
): { training: T[]; validation: T[] } {
  const ordered = [...samples].sort((a, b) => a.handedAt - b.handedAt);
  const held = Math.min(ordered.length - 1, Math.max(1, Math.round(ordered.length * validationShare)));
  return { training: ordered.slice(0, ordered.length - held), validation: ordered.slice(ordered.length - held) };
}

function validationMetrics(logOdds: number[], labels: number[]) {
  const probabilities = crossFittedProbabilities(logOdds, labels);
  const calibration = calibrationTable(probabilities, labels);
  return {
    auc: areaUnderRoc(logOdds, labels),
    logLoss: logLoss(probabilities, labels),
    brier: brierScore(probabilities, labels),
    calibration,
    calibrationError: expectedCalibrationError(calibration),
  };
}

/** Alternate samples form two folds; each fold's probabilities come from a calibration fitted on the other. */
function crossFittedProbabilities(logOdds: number[], labels: number[]): number[] {
  const fold = (parity: number) => logOdds.map((_, i) => i).filter((i) => i % 2 === parity);
  const [even, odd] = [fold(0), fold(1)];
  const fitOn = (indexes: number[]) =>
    fitPlattCalibration(
      indexes.map((i) => logOdds[i]),
      indexes.map((i) => labels[i]),
    );
  const forEven = fitOn(odd.length > 0 ? odd : even);
  const forOdd = fitOn(even);
  return logOdds.map((s, i) => calibratedProbability(i % 2 === 0 ? forEven : forOdd, s));
}

function windowOf(samples: readonly LabelledSample[]): TimeWindow {
  return {
    from: samples[0].handedAt,
    to: samples[samples.length - 1].handedAt,
    counts: countOutcomes(samples.map((sample) => sample.converted)),
  };
}
