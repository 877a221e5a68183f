import type { ScoringModel } from '../model/scoring-model.types';
import type { LeadState } from '../state/lead-state';
import { DAY_MS, toIso, toMillis, type Instant } from '../time';
import { behaviourTotalOverTime } from './behaviour-score';

export const DEFAULT_HORIZON_DAYS = 730;
const PRECISION_MS = 1000;

/**
 * When, absent new events, the behaviour total first drops below `threshold` (to the second), or null if
 * not within the horizon. A decay sweep can store this per lead and only look at leads that are due.
 * With only positive contributions the score falls monotonically and the answer is exact; a decaying
 * penalty can make it rise, and a dip shorter than a quarter of the shortest half-life may then be missed.
 */
export function behaviourDropsBelowAt(
  state: LeadState,
  threshold: number,
  from: Instant,
  model: ScoringModel,
  horizonDays = DEFAULT_HORIZON_DAYS,
): string | null {
  const fromMs = toMillis(from);
  const totalAt = behaviourTotalOverTime(state, model);
  const below = (ms: number): boolean => totalAt(ms) < threshold;
  if (below(fromMs)) return toIso(fromMs);
  const halfLives = decayingHalfLives(state);
  if (halfLives.length === 0) return null;
  const stepMs = (Math.min(...halfLives) * DAY_MS) / 4;
  const endMs = fromMs + horizonDays * DAY_MS;
  for (let lo = fromMs; lo < endMs; lo += stepMs) {
    const hi = Math.min(lo + stepMs, endMs);
    if (below(hi)) return toIso(bisect(lo, hi, below));
  }
  return null;
}

function decayingHalfLives(state: LeadState): number[] {
  const folded = state.folded?.rules.flatMap((rule) => rule.points) ?? [];
  return [
    ...state.contributions.flatMap((c) => (c.awarded !== 0 && c.halfLifeDays !== null ? [c.halfLifeDays] : [])),
    ...folded.flatMap((points) => (points.halfLifeDays !== null ? [points.halfLifeDays] : [])),
  ];
}

/** Narrows [lo, hi] (not below at lo, below at hi) to the first second at which the score is below. */
function bisect(lo: number, hi: number, below: (ms: number) => boolean): number {
  let notBelow = lo;
  let isBelow = hi;
  while (isBelow - notBelow > PRECISION_MS) {
    const mid = Math.floor((notBelow + isBelow) / 2);
    if (below(mid)) isBelow = mid;
    else notBelow = mid;
  }
  return Math.ceil(isBelow / PRECISION_MS) * PRECISION_MS;
}
