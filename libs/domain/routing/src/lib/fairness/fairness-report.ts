import { build } from 'hdr-histogram-js';

export interface FairnessInput {
  /**
   * The pool's assignments in the window; `queuedMs` is how long the lead waited in the queue before it, absent
   * when it was assigned without waiting (the queue times describe the leads that waited).
   */
  assignments: { repId: string; queuedMs?: number }[];
  /** The pool members' weights; a rep with assignments who is no longer a member counts with weight 0. */
  weights: Record<string, number>;
}

export interface RepFairness {
  repId: string;
  weight: number;
  assignments: number;
  /** weight ÷ the members' total weight (0 when the total is 0). */
  weightedShare: number;
  /** weightedShare × all assignments in the window. */
  expected: number;
  /** assignments − expected: positive = got more than the share. */
  deviation: number;
  /** deviation ÷ expected; null when nothing was expected. */
  deviationRatio: number | null;
}

/** Milliseconds; percentiles to 3 significant digits (HdrHistogram), max exact. */
export interface QueueTimePercentiles {
  /** Assignments whose lead had waited in the queue. */
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface FairnessReport {
  totalAssignments: number;
  /** One row per member and per former member with assignments, in rep id order. */
  reps: RepFairness[];
  /** The rep whose deviation is largest in absolute value (lower rep id on a tie); null without reps. */
  largestDeviation: { repId: string; deviation: number } | null;
  timeInQueueMs: QueueTimePercentiles;
}

/** Each rep's assignments against their weighted share over a window, and how long leads queued. */
export function fairnessReport(input: FairnessInput): FairnessReport {
  const counts = new Map<string, number>();
  for (const { repId } of input.assignments) counts.set(repId, (counts.get(repId) ?? 0) + 1);

  const totalAssignments = input.assignments.length;
  const totalWeight = Object.values(input.weights).reduce((sum, weight) => sum + weight, 0);
  const repIds = [...new Set([...Object.keys(input.weights), ...counts.keys()])].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const reps = repIds.map((repId): RepFairness => {
    const weight = input.weights[repId] ?? 0;
    const assignments = counts.get(repId) ?? 0;
    const weightedShare = totalWeight > 0 ? weight / totalWeight : 0;
    const expected = weightedShare * totalAssignments;
    const deviation = assignments - expected;
    return {
      repId,
      weight,
      assignments,
      weightedShare,
      expected,
      deviation,
      deviationRatio: expected > 0 ? deviation / expected : null,
    };
  });
  const largest = reps.reduce<RepFairness | null>(
    (best, rep) => (best === null || Math.abs(rep.deviation) > Math.abs(best.deviation) ? rep : best),
    null,
  );
  return {
    totalAssignments,
    reps,
    largestDeviation: largest === null ? null : { repId: largest.repId, deviation: largest.deviation },
    timeInQueueMs: queueTimes(input.assignments.flatMap((a) => (a.queuedMs === undefined ? [] : [a.queuedMs]))),
  };
}

function queueTimes(values: number[]): QueueTimePercentiles {
  const histogram = build({ useWebAssembly: false });
  // The histogram records whole, non-negative values; a clock skew must not make a wait negative.
  for (const value of values) histogram.recordValue(Math.max(0, Math.round(value)));
  return {
    count: values.length,
    p50: histogram.getValueAtPercentile(50),
    p90: histogram.getValueAtPercentile(90),
    p99: histogram.getValueAtPercentile(99),
    max: histogram.maxValue,
  };
}
