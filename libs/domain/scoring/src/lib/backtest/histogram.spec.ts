import { histogram } from './histogram';

describe('histogram', () => {
  it('counts values into aligned half-open buckets covering the range, empty ones included', () => {
    expect(histogram([-5, 0, 9.99, 10, 35], 10, { min: -5, max: 35 })).toEqual([
      { from: -10, to: 0, count: 1 },
      { from: 0, to: 10, count: 2 },
      { from: 10, to: 20, count: 1 },
      { from: 20, to: 30, count: 0 },
      { from: 30, to: 40, count: 1 },
    ]);
  });

  it('is empty without values', () => {
    expect(histogram([], 10, { min: 0, max: 0 })).toEqual([]);
  });
});
