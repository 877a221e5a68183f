/** One bin of a calibration table: what was predicted in it on average, and how often it happened. */
export interface CalibrationBin {
  from: number;
  to: number;
  count: number;
  meanPredicted: number;
  observedRate: number;
}

/** Log loss never takes log(0): a probability is held this far from 0 and 1. */
const PROBABILITY_FLOOR = 1e-15;

/**
 * Area under the ROC curve: the chance that a random positive scores above a random negative (ties count half),
 * from the rank sum (Mann–Whitney U) in O(n log n). NaN when either class is missing.
 */
export function areaUnderRoc(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((score, i) => ({ score, positive: labels[i] === 1 })).sort((a, b) => a.score - b.score);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end < order.length && order[end].score === order[start].score) end++;
    const averageRank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) {
      if (!order[i].positive) continue;
      positives++;
      positiveRankSum += averageRank;
    }
    start = end;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function logLoss(probabilities: readonly number[], labels: readonly number[]): number {
  const total = probabilities.reduce((sum, p, i) => {
    const clipped = Math.min(Math.max(p, PROBABILITY_FLOOR), 1 - PROBABILITY_FLOOR);
    return sum - (labels[i] === 1 ? Math.log(clipped) : Math.log(1 - clipped));
  }, 0);
  return total / probabilities.length;
}

export function brierScore(probabilities: readonly number[], labels: readonly number[]): number {
  return probabilities.reduce((sum, p, i) => sum + (p - labels[i]) ** 2, 0) / probabilities.length;
}

/** Equal-width bins over [0, 1]; empty bins are left out. */
export function calibrationTable(
  probabilities: readonly number[],
  labels: readonly number[],
  bins = 10,
): CalibrationBin[] {
  const sums = Array.from({ length: bins }, () => ({ count: 0, predicted: 0, observed: 0 }));
  probabilities.forEach((p, i) => {
    const bin = sums[Math.min(bins - 1, Math.floor(p * bins))];
    bin.count++;
    bin.predicted += p;
    bin.observed += labels[i];
  });
  return sums.flatMap((bin, index) =>
    bin.count === 0
      ? []
      : [
          {
            from: index / bins,
            to: (index + 1) / bins,
            count: bin.count,
            meanPredicted: bin.predicted / bin.count,
            observedRate: bin.observed / bin.count,
          },
        ],
  );
}

/** Expected calibration error: the count-weighted gap between predicted and observed rates over the bins. */
export function expectedCalibrationError(table: readonly CalibrationBin[]): number {
  const total = table.reduce((sum, bin) => sum + bin.count, 0);
  return table.reduce((sum, bin) => sum + (bin.count / total) * Math.abs(bin.meanPredicted - bin.observedRate), 0);
}
