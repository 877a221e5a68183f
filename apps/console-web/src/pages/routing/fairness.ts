import type { PoolFairness } from '../../api/routing';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A local calendar date as `YYYY-MM-DD`, what a date input holds. */
export function dateInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The last 30 days, today included, as date-input values. */
export function defaultFairnessWindow(now: Date): { from: string; to: string } {
  return { from: dateInputValue(new Date(now.getTime() - 29 * DAY_MS)), to: dateInputValue(now) };
}

/** Date inputs (local days, both included) as routing's window: from the first day's start to the day after the last. */
export function fairnessQuery(from: string, to: string): { from: string; to: string } {
  const start = new Date(`${from}T00:00:00`);
  const lastDay = new Date(`${to}T00:00:00`);
  const end = new Date(lastDay.getFullYear(), lastDay.getMonth(), lastDay.getDate() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}

export interface FairnessRow {
  rep: string;
  /** Percent of the pool's assignments in the window that went to the rep. */
  assignmentShare: number;
  /** Percent of the active members' total weight the rep holds. */
  weightShare: number;
  assignments: number;
}

const percent = (ratio: number) => Math.round(ratio * 1000) / 10;

/** Each rep's share of assignments against their weight share, in percent to one decimal. */
export function fairnessRows(fairness: PoolFairness, nameOf: (repId: string) => string): FairnessRow[] {
  const total = fairness.totalAssignments;
  return fairness.reps.map((rep) => ({
    rep: nameOf(rep.repId),
    assignmentShare: total > 0 ? percent(rep.assignments / total) : 0,
    weightShare: percent(rep.weightedShare),
    assignments: rep.assignments,
  }));
}
