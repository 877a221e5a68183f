import type { RepProfile } from '../directory.types';

export interface WeightedDeviation {
  /** Largest |count − weight share × N| over every rep and every prefix N of the picks. */
  prefix: number;
  /** Largest |count − weight share × window| over every rep and every run of `window` consecutive picks. */
  window: number;
}

/** How far a sequence of picks strays from the reps' weighted shares (test support for the fairness specs). */
export function weightedDeviation(picks: string[], reps: RepProfile[], window: number): WeightedDeviation {
  const total = reps.reduce((sum, r) => sum + r.weight, 0);
  const index = new Map(reps.map((r, i) => [r.id, i]));
  const shares = reps.map((r) => r.weight / total);
  const history: number[][] = [reps.map(() => 0)];
  let prefix = 0;
  picks.forEach((id, step) => {
    const counts = [...history[step]];
    counts[index.get(id) ?? -1] += 1;
    history.push(counts);
    counts.forEach((count, i) => (prefix = Math.max(prefix, Math.abs(count - shares[i] * (step + 1)))));
  });
  let worstWindow = 0;
  for (let start = 0; start + window < history.length; start++) {
    const from = history[start];
    history[start + window].forEach((count, i) => {
      worstWindow = Math.max(worstWindow, Math.abs(count - from[i] - shares[i] * window));
    });
  }
  return { prefix, window: worstWindow };
}
