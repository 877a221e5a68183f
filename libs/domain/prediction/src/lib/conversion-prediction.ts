import type { ConversionModel } from './conversion-model';
import { scaled } from './feature-scaling';
import { linearPredictor } from './logistic-regression';
import { calibratedProbability } from './platt-calibration';

/** What one feature added to the lead's log-odds: its coefficient times its standardised value. */
export interface FeatureContribution {
  feature: string;
  value: number;
  contribution: number;
}

export interface ConversionPrediction {
  probability: number;
  /** A 95% interval from the coefficients' uncertainty: wide while the history is thin. */
  interval: [low: number, high: number];
  /** Largest effects first, either sign. */
  contributions: FeatureContribution[];
}

const Z_95 = 1.959963984540054;

export function predictConversion(model: ConversionModel, features: readonly number[], top = 5): ConversionPrediction {
  if (features.length !== model.featureNames.length) {
    throw new RangeError(`the model takes ${model.featureNames.length} features, got ${features.length}`);
  }
  const standardised = scaled(model.scaling, features);
  const logOdds = linearPredictor(model.logistic, standardised);
  const spread = Z_95 * Math.sqrt(predictorVariance(model.logistic.covariance, standardised));
  const bounds = [logOdds - spread, logOdds + spread].map((s) => calibratedProbability(model.calibration, s));
  return {
    probability: calibratedProbability(model.calibration, logOdds),
    interval: [Math.min(...bounds), Math.max(...bounds)],
    contributions: contributionsOf(model, features, standardised).slice(0, top),
  };
}

/** xᵀ Σ x over [1, ...x]: the variance of the linear predictor. */
function predictorVariance(covariance: readonly (readonly number[])[], standardised: readonly number[]): number {
  const extended = [1, ...standardised];
  let variance = 0;
  for (let a = 0; a < extended.length; a++) {
    for (let b = 0; b < extended.length; b++) variance += extended[a] * covariance[a][b] * extended[b];
  }
  return Math.max(0, variance);
}

function contributionsOf(
  model: ConversionModel,
  features: readonly number[],
  standardised: readonly number[],
): FeatureContribution[] {
  return model.featureNames
    .map((feature, j) => ({
      feature,
      value: features[j],
      contribution: model.logistic.coefficients[j] * standardised[j],
    }))
    .filter((entry) => entry.contribution !== 0)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
}
