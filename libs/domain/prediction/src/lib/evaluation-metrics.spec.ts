import { areaUnderRoc, brierScore, calibrationTable, expectedCalibrationError, logLoss } from './evaluation-metrics';

describe('areaUnderRoc', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one and 0.5 when every score ties', () => {
    expect(areaUnderRoc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(areaUnderRoc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(areaUnderRoc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
  });

  it('counts the pairs a positive wins, ties as half', () => {
    // Pairs (positive, negative): (0.4 vs 0.3) win, (0.4 vs 0.4) tie, (0.2 vs 0.3) loss, (0.2 vs 0.4) loss.
    expect(areaUnderRoc([0.4, 0.2, 0.3, 0.4], [1, 1, 0, 0])).toBeCloseTo(1.5 / 4, 12);
  });

  it('is NaN when one class is missing', () => {
    expect(areaUnderRoc([0.1, 0.2], [1, 1])).toBeNaN();
  });
});

describe('logLoss and brierScore', () => {
  it('score confident right answers near zero and confident wrong ones high, without an infinite log', () => {
    expect(logLoss([0.99, 0.01], [1, 0])).toBeCloseTo(-Math.log(0.99), 12);
    expect(Number.isFinite(logLoss([0, 1], [1, 0]))).toBe(true);
    expect(brierScore([1, 0], [1, 0])).toBe(0);
    expect(brierScore([0.5, 0.5], [1, 0])).toBe(0.25);
  });
});

describe('calibrationTable', () => {
  it('bins predictions, with the mean predicted and observed rate of each non-empty bin', () => {
    const table = calibrationTable([0.05, 0.15, 0.12, 0.95, 1], [0, 1, 0, 1, 1], 10);

    expect(table).toEqual([
      { from: 0, to: 0.1, count: 1, meanPredicted: 0.05, observedRate: 0 },
      { from: 0.1, to: 0.2, count: 2, meanPredicted: expect.closeTo(0.135, 12), observedRate: 0.5 },
      { from: 0.9, to: 1, count: 2, meanPredicted: 0.975, observedRate: 1 },
    ]);
    expect(expectedCalibrationError(table)).toBeCloseTo((1 * 0.05 + 2 * 0.365 + 2 * 0.025) / 5, 12);
  });
});
