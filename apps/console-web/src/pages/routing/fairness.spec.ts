import type { PoolFairness } from '../../api/routing';
import { defaultFairnessWindow, fairnessQuery, fairnessRows } from './fairness';

const fairness = (total: number, reps: [string, number, number][]): PoolFairness => ({
  poolId: 'p',
  from: '',
  to: '',
  totalAssignments: total,
  reps: reps.map(([repId, assignments, weightedShare]) => ({
    repId,
    assignments,
    weightedShare,
    weight: 1,
    expected: weightedShare * total,
    deviation: assignments - weightedShare * total,
  })),
  timeInQueueMs: { count: 0, p50: 0, p90: 0, max: 0 },
});

describe('fairnessRows', () => {
  it('sets each rep’s share of assignments against their weight share, in percent', () => {
    const rows = fairnessRows(
      fairness(3, [
        ['ana', 2, 0.5],
        ['ben', 1, 0.5],
      ]),
      (id) => id.toUpperCase(),
    );
    expect(rows).toEqual([
      { rep: 'ANA', assignmentShare: 66.7, weightShare: 50, assignments: 2 },
      { rep: 'BEN', assignmentShare: 33.3, weightShare: 50, assignments: 1 },
    ]);
  });

  it('gives every rep a zero assignment share when the pool assigned nothing', () => {
    expect(fairnessRows(fairness(0, [['ana', 0, 1]]), (id) => id)[0].assignmentShare).toBe(0);
  });
});

describe('fairness window', () => {
  it('defaults to the last 30 days, today included', () => {
    const now = new Date(2026, 2, 31, 15, 0);
    expect(defaultFairnessWindow(now)).toEqual({ from: '2026-03-02', to: '2026-03-31' });
  });

  it('asks routing from the first day’s local start to the start of the day after the last', () => {
    const query = fairnessQuery('2026-03-01', '2026-03-31');
    expect(query.from).toBe(new Date(2026, 2, 1).toISOString());
    expect(query.to).toBe(new Date(2026, 3, 1).toISOString());
  });
});
