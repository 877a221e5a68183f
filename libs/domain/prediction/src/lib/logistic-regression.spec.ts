import { fitLogisticRegression, probabilityOf, sigmoid } from './logistic-regression';
import { seededGaussian } from './testing/seeded-samples';

/** Rows from a known model: the fit must find its coefficients again. */
function samplesOf(intercept: number, coefficients: number[], count: number, seed: number) {
  const gaussian = seededGaussian(seed);
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < count; i++) {
    const row = coefficients.map(() => gaussian());
    const p = probabilityOf({ intercept, coefficients }, row);
    rows.push(row);
    labels.push(gaussian.uniform() < p ? 1 : 0);
  }
  return { rows, labels };
}

describe('fitLogisticRegression', () => {
  it('recovers known coefficients from a synthetic set within their standard errors', () => {
    const truth = { intercept: -1.2, coefficients: [1.5, -0.8, 0, 0.4] };
    const { rows, labels } = samplesOf(truth.intercept, truth.coefficients, 4000, 7);

    const fit = fitLogisticRegression(rows, labels, { l2: 0.01 });

    expect(fit.converged).toBe(true);
    const estimates = [fit.intercept, ...fit.coefficients];
    [truth.intercept, ...truth.coefficients].forEach((value, j) => {
      const standardError = Math.sqrt(fit.covariance[j][j]);
      expect(standardError).toBeLessThan(0.1);
      expect(Math.abs(estimates[j] - value)).toBeLessThan(3 * standardError);
    });
  });

  it('keeps perfectly separable data finite with a penalty, shrinking harder as the penalty grows', () => {
    const rows = [[-2], [-1], [1], [2]];
    const labels = [0, 0, 1, 1];

    const light = fitLogisticRegression(rows, labels, { l2: 0.1 });
    const heavy = fitLogisticRegression(rows, labels, { l2: 10 });

    expect(light.converged && heavy.converged).toBe(true);
    expect(Number.isFinite(light.coefficients[0])).toBe(true);
    expect(light.coefficients[0]).toBeGreaterThan(heavy.coefficients[0]);
    expect(heavy.coefficients[0]).toBeGreaterThan(0);
  });

  it('fits soft targets: a constant target of 0.25 gives an intercept of logit(0.25)', () => {
    const rows = Array.from({ length: 50 }, () => [0]);
    const fit = fitLogisticRegression(
      rows,
      rows.map(() => 0.25),
      { l2: 1 },
    );

    expect(sigmoid(fit.intercept)).toBeCloseTo(0.25, 6);
  });

  it('names the problem with its input', () => {
    expect(() => fitLogisticRegression([], [], { l2: 1 })).toThrow('no rows to fit');
    expect(() => fitLogisticRegression([[1], [1, 2]], [0, 1], { l2: 1 })).toThrow('row 1 has 2 features');
    expect(() => fitLogisticRegression([[Number.NaN]], [1], { l2: 1 })).toThrow('not a finite number');
    expect(() => fitLogisticRegression([[1]], [2], { l2: 1 })).toThrow('target 0 must be within [0, 1]');
    expect(() => fitLogisticRegression([[1]], [1], { l2: -1 })).toThrow('l2 must be at least 0');
  });
});
