import { ACTIVITY_TYPES, type ActivityType } from '@handoff/shared-vocabulary';

const DAY_MS = 86_400_000;
/** Engagement velocity decays with this half-life: a burst this week weighs twice last week's. */
export const VELOCITY_HALF_LIFE_DAYS = 7;

/**
 * What the model keeps of a lead's engagement, folded one event at a time in O(1) and a few dozen numbers,
 * whatever the length of the history: per activity type a count and the last time, the first engagement, and an
 * exponentially decayed event count for velocity. Live scoring folds each event as it arrives; training and
 * backtests fold the recorded events up to the hand-off, so all three compute features the same way.
 */
export interface EngagementHistory {
  counts: Partial<Record<ActivityType, number>>;
  lastAt: Partial<Record<ActivityType, number>>;
  firstAt: number | null;
  /** Decayed count as of `velocityAt`. */
  velocity: number;
  velocityAt: number | null;
}

export const EMPTY_ENGAGEMENT_HISTORY: EngagementHistory = {
  counts: {},
  lastAt: {},
  firstAt: null,
  velocity: 0,
  velocityAt: null,
};

export interface EngagementFact {
  type: string;
  /** Event time, ms since the epoch. */
  at: number;
}

/** Folds one engagement; out-of-order events are welcome (counts add up, times keep their extremes). */
export function withEngagement(history: EngagementHistory, fact: EngagementFact): EngagementHistory {
  const type = activityTypeOf(fact.type);
  const lastAt = history.lastAt[type];
  return {
    counts: { ...history.counts, [type]: (history.counts[type] ?? 0) + 1 },
    lastAt: { ...history.lastAt, [type]: lastAt === undefined ? fact.at : Math.max(lastAt, fact.at) },
    firstAt: history.firstAt === null ? fact.at : Math.min(history.firstAt, fact.at),
    ...decayedVelocityWith(history, fact.at),
  };
}

/**
 * The history as it stood at `cutoff`: only engagements that happened by then. Training takes features as of
 * the hand-off this way, so nothing the lead did afterwards (often because sales called) leaks into them.
 */
export function engagementHistoryAsOf(facts: readonly EngagementFact[], cutoff: number): EngagementHistory {
  return facts
    .filter((fact) => fact.at <= cutoff)
    .sort((a, b) => a.at - b.at)
    .reduce(withEngagement, EMPTY_ENGAGEMENT_HISTORY);
}

/**
 * Two leads' histories as one (identity resolution merged them): counts add up, times keep their extremes, and
 * velocities add up as of the later of the two.
 */
export function combineEngagementHistories(a: EngagementHistory, b: EngagementHistory): EngagementHistory {
  const counts: Partial<Record<ActivityType, number>> = { ...a.counts };
  for (const [type, count] of Object.entries(b.counts) as [ActivityType, number][]) {
    counts[type] = (counts[type] ?? 0) + count;
  }
  const lastAt: Partial<Record<ActivityType, number>> = { ...a.lastAt };
  for (const [type, at] of Object.entries(b.lastAt) as [ActivityType, number][]) {
    lastAt[type] = Math.max(lastAt[type] ?? at, at);
  }
  const velocityAsOf = [a.velocityAt, b.velocityAt].filter((at): at is number => at !== null);
  const newest = velocityAsOf.length === 0 ? null : Math.max(...velocityAsOf);
  const firstTimes = [a.firstAt, b.firstAt].filter((at): at is number => at !== null);
  return {
    counts,
    lastAt,
    firstAt: firstTimes.length === 0 ? null : Math.min(...firstTimes),
    velocity: newest === null ? 0 : velocityAt(a, newest) + velocityAt(b, newest),
    velocityAt: newest,
  };
}

/** The decayed event count at `at` (no later than the history's latest event it has seen: decay only goes forward). */
export function velocityAt(history: EngagementHistory, at: number): number {
  if (history.velocityAt === null) return 0;
  return history.velocity * decayFactor(Math.max(0, at - history.velocityAt));
}

export function daysBetween(from: number, to: number): number {
  return Math.max(0, to - from) / DAY_MS;
}

function decayedVelocityWith(
  history: EngagementHistory,
  at: number,
): Pick<EngagementHistory, 'velocity' | 'velocityAt'> {
  if (history.velocityAt === null) return { velocity: 1, velocityAt: at };
  if (at >= history.velocityAt) return { velocity: velocityAt(history, at) + 1, velocityAt: at };
  // A late event adds its own decayed weight as of the newest time already folded.
  return { velocity: history.velocity + decayFactor(history.velocityAt - at), velocityAt: history.velocityAt };
}

function decayFactor(elapsedMs: number): number {
  return 2 ** -(elapsedMs / (VELOCITY_HALF_LIFE_DAYS * DAY_MS));
}

function activityTypeOf(type: string): ActivityType {
  return (ACTIVITY_TYPES as readonly string[]).includes(type) ? (type as ActivityType) : 'custom';
}
