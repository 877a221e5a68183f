import type { PoolStrategyState } from '../decision.types';
import type { RepCapacity, RepProfile } from '../directory.types';
import type { SelectionStrategy, StrategyCandidate } from './selection-strategy';

/** Test builders for the strategy specs. */

export const START: PoolStrategyState = { sequence: 0 };

export function rep(id: string, weight = 1): RepProfile {
  return {
    id,
    name: `Rep ${id}`,
    active: true,
    teamIds: [],
    weight,
    languages: [],
    skills: [],
    timeZone: 'UTC',
    workingHours: {},
    outOfOffice: [],
  };
}

/** Reps `r00`, `r01`, … with the given weights (zero-padded so id order is index order). */
export const repsWithWeights = (weights: number[]): RepProfile[] =>
  weights.map((weight, index) => rep(`r${String(index).padStart(2, '0')}`, weight));

export const candidatesOf = (reps: RepProfile[]): StrategyCandidate[] => reps.map((r) => ({ rep: r }));

export function capacity(repId: string, figures: Partial<RepCapacity> = {}): RepCapacity {
  return { repId, remainingLeadCapacity: 10, attainmentRatio: 0.5, paceGap: 0, available: true, ...figures };
}

/**
 * Runs `count` assignments with every member eligible (or those `eligibleAt(step)` keeps), carrying the state
 * from one pick to the next as the service does; returns the chosen rep ids and the final state.
 */
export function runPicks(
  strategy: SelectionStrategy,
  members: RepProfile[],
  count: number,
  state: PoolStrategyState = START,
  eligibleAt: (step: number) => RepProfile[] = () => members,
): { picks: string[]; state: PoolStrategyState } {
  const picks: string[] = [];
  for (let step = 0; step < count; step++) {
    const pick = strategy.pick(candidatesOf(eligibleAt(step)), members, state);
    picks.push(pick.repId);
    state = pick.state;
  }
  return { picks, state };
}

/** The longest run of consecutive picks of `repId`. */
export function longestRun(picks: string[], repId: string): number {
  let longest = 0;
  let current = 0;
  for (const id of picks) {
    current = id === repId ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}
