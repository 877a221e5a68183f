import { fitLogisticRegression, sigmoid } from './logistic-regression';

/** Platt scaling: calibrated P = σ(slope · s + offset), s being the model's raw log-odds. */
export interface PlattCalibration {
  slope: number;
  offset: number;
}

export const IDENTITY_CALIBRATION: PlattCalibration = { slope: 1, offset: 0 };

/**
 * Fits the calibration on held-out raw log-odds. Targets are Platt's smoothed labels ((N₊+1)/(N₊+2) and
 * 1/(N₋+2)) rather than 0 and 1, so a small calibration set cannot push probabilities to certainty.
 */
export function fitPlattCalibration(logOdds: readonly number[], labels: readonly number[]): PlattCalibration {
  const positives = labels.filter((label) => label === 1).length;
  const negatives = labels.length - positives;
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  const fit = fitLogisticRegression(
    logOdds.map((s) => [s]),
    labels.map((label) => (label === 1 ? high : low)),
    { l2: 0 },
  );
  return { slope: fit.coefficients[0], offset: fit.intercept };
}

export function calibratedProbability(calibration: PlattCalibration, logOdds: number): number {
  return sigmoid(calibration.slope * logOdds + calibration.offset);
}
