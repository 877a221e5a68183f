import { calibrationTable, expectedCalibrationError } from './evaluation-metrics';
import { sigmoid } from './logistic-regression';
import { calibratedProbability, fitPlattCalibration } from './platt-calibration';
import { seededGaussian } from './testing/seeded-samples';

/** A scorer that ranks well but is overconfident and biased: its log-odds are 3 × the truth's, plus 1. */
function skewedScorer(count: number, seed: number) {
  const gaussian = seededGaussian(seed);
  const logOdds: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < count; i++) {
    const trueLogOdds = 1.2 * gaussian() - 1;
    labels.push(gaussian.uniform() < sigmoid(trueLogOdds) ? 1 : 0);
    logOdds.push(3 * trueLogOdds + 1);
  }
  return { logOdds, labels };
}

const eceOf = (probabilities: number[], labels: number[]) =>
  expectedCalibrationError(calibrationTable(probabilities, labels));

describe('fitPlattCalibration', () => {
  it('maps a skewed scorer to calibrated probabilities on data it was not fitted on', () => {
    const fitting = skewedScorer(3000, 11);
    const unseen = skewedScorer(3000, 12);

    const calibration = fitPlattCalibration(fitting.logOdds, fitting.labels);
    const raw = unseen.logOdds.map(sigmoid);
    const calibrated = unseen.logOdds.map((s) => calibratedProbability(calibration, s));

    expect(eceOf(raw, unseen.labels)).toBeGreaterThan(0.1);
    expect(eceOf(calibrated, unseen.labels)).toBeLessThan(0.03);
    // The inverse of the skew: slope 1/3, offset -1/3.
    expect(calibration.slope).toBeCloseTo(1 / 3, 1);
    expect(calibration.offset).toBeCloseTo(-1 / 3, 1);
  });

  it('keeps a tiny calibration set from claiming certainty', () => {
    const calibration = fitPlattCalibration([-2, -1, 1, 2], [0, 0, 1, 1]);

    expect(calibratedProbability(calibration, 2)).toBeLessThan(0.95);
    expect(calibratedProbability(calibration, -2)).toBeGreaterThan(0.05);
  });
});
