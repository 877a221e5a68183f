import { DomainError } from '@handoff/shared-errors';
import type { StrategyCandidate } from './selection-strategy';

/** Code-unit order, so the turn order does not depend on the host's locale. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Each rep's place in the round-robin turn (1 = next): rep id order starting after `lastRepId`, wrapping.
 * Only the given reps take part, so an absent rep's turn is skipped rather than saved up.
 */
export function turnPositions(repIds: string[], lastRepId?: string): Map<string, number> {
  const sorted = [...repIds].sort(compareIds);
  const after = lastRepId === undefined ? 0 : sorted.findIndex((id) => id > lastRepId);
  const start = after < 0 ? 0 : after;
  const order = [...sorted.slice(start), ...sorted.slice(0, start)];
  return new Map(order.map((id, index) => [id, index + 1]));
}

/** `next in turn after rep-b`, `3rd in turn after rep-b` (`1st in rep id order` on a pool's first turn). */
export function turnLabel(position: number, lastRepId?: string): string {
  if (lastRepId === undefined) return `${ordinal(position)} in rep id order`;
  return `${position === 1 ? 'next' : ordinal(position)} in turn after ${lastRepId}`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** The candidates in rep id order; a strategy is only asked to choose among at least one. */
export function sortedCandidates(eligible: StrategyCandidate[]): StrategyCandidate[] {
  if (eligible.length === 0) throw new DomainError('invalid', 'A strategy needs at least one eligible candidate');
  return [...eligible].sort((a, b) => compareIds(a.rep.id, b.rep.id));
}
