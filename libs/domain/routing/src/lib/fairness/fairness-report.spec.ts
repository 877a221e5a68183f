import { fairnessReport } from './fairness-report';

const assigned = (repId: string, times: number, queuedMs?: number) =>
  Array.from({ length: times }, () => ({ repId, ...(queuedMs !== undefined && { queuedMs }) }));

describe('fairnessReport', () => {
  it('sets each rep’s assignments against their weighted share of the window', () => {
    const report = fairnessReport({
      assignments: [...assigned('a', 5), ...assigned('b', 4), ...assigned('c', 1)],
      weights: { a: 2, b: 2, c: 1 },
    });
    expect(report.totalAssignments).toBe(10);
    expect(report.reps).toEqual([
      { repId: 'a', weight: 2, assignments: 5, weightedShare: 0.4, expected: 4, deviation: 1, deviationRatio: 0.25 },
      { repId: 'b', weight: 2, assignments: 4, weightedShare: 0.4, expected: 4, deviation: 0, deviationRatio: 0 },
      { repId: 'c', weight: 1, assignments: 1, weightedShare: 0.2, expected: 2, deviation: -1, deviationRatio: -0.5 },
    ]);
  });

  it('names the largest deviation by absolute value, lower rep id first on a tie', () => {
    const under = fairnessReport({
      assignments: [...assigned('a', 3), ...assigned('b', 3)],
      weights: { a: 1, b: 1, c: 1 },
    });
    expect(under.largestDeviation).toEqual({ repId: 'c', deviation: -2 });
    const tie = fairnessReport({ assignments: [...assigned('b', 3), ...assigned('a', 1)], weights: { a: 1, b: 1 } });
    expect(tie.largestDeviation).toEqual({ repId: 'a', deviation: -1 });
  });

  it('lists members without assignments and former members with assignments at weight 0', () => {
    const report = fairnessReport({
      assignments: [...assigned('gone', 2), ...assigned('a', 2)],
      weights: { a: 1, idle: 1 },
    });
    expect(report.reps.map((r) => [r.repId, r.weight, r.assignments, r.expected])).toEqual([
      ['a', 1, 2, 2],
      ['gone', 0, 2, 0],
      ['idle', 1, 0, 2],
    ]);
    expect(report.reps.find((r) => r.repId === 'gone')?.deviationRatio).toBeNull();
  });

  it('expects nothing of anyone when no member has weight', () => {
    const report = fairnessReport({ assignments: assigned('a', 3), weights: { a: 0, b: 0 } });
    expect(report.reps.map((r) => [r.weightedShare, r.expected, r.deviation])).toEqual([
      [0, 0, 3],
      [0, 0, 0],
    ]);
  });

  it('gives queue-time percentiles to three significant digits and the exact longest wait', () => {
    const assignments = Array.from({ length: 10_000 }, (_, i) => ({ repId: 'a', queuedMs: (i + 1) * 100 }));
    const { timeInQueueMs } = fairnessReport({ assignments, weights: { a: 1 } });
    expect(timeInQueueMs.count).toBe(10_000);
    expect(timeInQueueMs.p50).toBeGreaterThanOrEqual(500_000);
    expect(timeInQueueMs.p50).toBeLessThanOrEqual(500_000 * 1.001);
    expect(timeInQueueMs.p90).toBeGreaterThanOrEqual(900_000);
    expect(timeInQueueMs.p90).toBeLessThanOrEqual(900_000 * 1.001);
    expect(timeInQueueMs.p99).toBeGreaterThanOrEqual(990_000);
    expect(timeInQueueMs.p99).toBeLessThanOrEqual(990_000 * 1.001);
    expect(timeInQueueMs.max).toBe(1_000_000);
  });

  it('reads a negative wait from clock skew as zero', () => {
    const { timeInQueueMs } = fairnessReport({
      assignments: [...assigned('a', 1, -40), ...assigned('b', 1, 0)],
      weights: {},
    });
    expect(timeInQueueMs).toEqual({ count: 2, p50: 0, p90: 0, p99: 0, max: 0 });
  });

  it('counts only the leads that waited in the queue, however many routed at once', () => {
    const { timeInQueueMs } = fairnessReport({
      assignments: [...assigned('a', 9), ...assigned('a', 1, 1_500)],
      weights: { a: 1 },
    });
    expect(timeInQueueMs).toEqual({ count: 1, p50: 1_500, p90: 1_500, p99: 1_500, max: 1_500 });
  });

  it('answers an empty window with no deviation and zero queue times', () => {
    expect(fairnessReport({ assignments: [], weights: {} })).toEqual({
      totalAssignments: 0,
      reps: [],
      largestDeviation: null,
      timeInQueueMs: { count: 0, p50: 0, p90: 0, p99: 0, max: 0 },
    });
  });
});
