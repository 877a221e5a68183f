import type { PoolFairness } from '../../api/routing';
import { addDays, dateInputValue, startOfLocalDay } from '../../common/dates';

/** The last 30 days, today included, as date-input values. */
export function defaultFairnessWindow(now: Date): { from: string; to: string } {
  return { from: dateInputValue(addDays(now, -29)), to: dateInputValue(now) };
}

/** Date inputs (local days, both included) as routing's window: from the first day's start to the day after the last. */
export function fairnessQuery(from: string, to: string): { from: string; to: string } {
  return { from: startOfLocalDay(from).toISOString(), to: addDays(startOfLocalDay(to), 1).toISOString() };
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
