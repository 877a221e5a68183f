import fc from 'fast-check';
import { expectedShareAt, validatePaceCurve } from './pace-curve';
import type { PaceCurve } from './quota.types';

const backLoaded: PaceCurve = {
  points: [
    [0, 0],
    [0.33, 0.2],
    [0.67, 0.5],
    [1, 1],
  ],
};

describe('expectedShareAt', () => {
  it('expects the elapsed share on a linear curve', () => {
    expect(expectedShareAt('linear', 0)).toBe(0);
    expect(expectedShareAt('linear', 0.25)).toBe(0.25);
    expect(expectedShareAt('linear', 1)).toBe(1);
  });

  it('follows a back-loaded curve through its points and straight between them', () => {
    expect(expectedShareAt(backLoaded, 0.33)).toBe(0.2);
    expect(expectedShareAt(backLoaded, 0.5)).toBeCloseTo(0.2 + (0.3 * 0.17) / 0.34, 12);
    expect(expectedShareAt(backLoaded, 0.67)).toBe(0.5);
    expect(expectedShareAt(backLoaded, 0.835)).toBeCloseTo(0.75, 12);
  });

  it('expects nothing during a flat start', () => {
    const quietFirstMonth: PaceCurve = {
      points: [
        [0, 0],
        [1 / 3, 0],
        [1, 1],
      ],
    };

    expect(expectedShareAt(quietFirstMonth, 0.2)).toBe(0);
    expect(expectedShareAt(quietFirstMonth, 2 / 3)).toBeCloseTo(0.5, 12);
  });

  it('never falls as time goes on and stays within 0..1', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(expectedShareAt(backLoaded, early)).toBeLessThanOrEqual(expectedShareAt(backLoaded, late));
        expect(expectedShareAt(backLoaded, late)).toBeGreaterThanOrEqual(0);
        expect(expectedShareAt(backLoaded, late)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('validatePaceCurve', () => {
  it('accepts linear and a monotone curve from [0, 0] to [1, 1]', () => {
    expect(validatePaceCurve('linear')).toEqual([]);
    expect(validatePaceCurve(backLoaded)).toEqual([]);
  });

  it('refuses curves that do not start at [0, 0], end at [1, 1] or run forward', () => {
    expect(
      validatePaceCurve({
        points: [
          [0, 0.1],
          [0.5, 0.6],
          [0.4, 0.5],
          [0.9, 0.9],
        ],
      }),
    ).toEqual([
      'curve.points[0]: must be [0, 0], got [0, 0.1]',
      'curve.points[3]: must be [1, 1], got [0.9, 0.9]',
      "curve.points[2]: time 0.4 must be after the previous point's 0.5",
      "curve.points[2]: share 0.5 must not be below the previous point's 0.6",
    ]);
  });

  it('refuses points that are not pairs within 0..1, and too few points', () => {
    expect(validatePaceCurve({ points: [[0, 0], [1.2, 1], [0.5] as never] })).toEqual([
      'curve.points[1]: must be a pair of numbers from 0 to 1, got [1.2,1]',
      'curve.points[2]: must be a pair of numbers from 0 to 1, got [0.5]',
    ]);
    expect(validatePaceCurve({ points: [[0, 0]] })).toEqual(['curve.points: must have at least 2 points, got 1']);
    expect(validatePaceCurve('front-loaded' as never)).toEqual([
      'curve: must be "linear" or { points: [[fractionOfTime, fractionOfTarget], …] }, got "front-loaded"',
    ]);
  });
});
