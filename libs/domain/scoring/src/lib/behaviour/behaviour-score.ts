import type { ScoringModel } from '../model/scoring-model.types';
import type { Contribution, FoldedHistory, LeadState } from '../state/lead-state';
import { toIso, toMillis, type Instant } from '../time';
import { decayFactor } from './decay';

export const DEFAULT_MAX_FACTORS = 10;

export interface GroupScore {
  groupId: string;
  label: string;
  /** Decayed sum of the group's positive contributions, before its limit. */
  earned: number;
  /** Decayed sum of the group's negative contributions (zero or less). */
  penalties: number;
  /** `min(earned, limit) + penalties`; null limit for a group no longer in the model. */
  score: number;
  limit: number | null;
}

export interface ScoreFactor {
  ruleId: string;
  label: string;
  /** The rule's decayed points at the time read, before group and total limits. */
  points: number;
  groupId: string | null;
}

export interface BehaviourScore {
  at: string;
  /** `min(Σ min(group earned, group limit) + ungrouped earned, totalLimit) + all penalties`. */
  total: number;
  /** Plain decayed sum of every contribution, no limits. */
  uncappedTotal: number;
  byGroup: Record<string, GroupScore>;
  /** Decayed net sum of contributions outside any group. */
  ungrouped: number;
  topFactors: ScoreFactor[];
}

/** Decayed points of one contribution or folded sum at the instant read. */
interface LivePoints {
  ruleId: string;
  groupId: string | null;
  points: number;
}

/** A contribution or a folded sum with its instants parsed once, for reading the same state at many instants. */
interface TimedPoints {
  ruleId: string;
  groupId: string | null;
  awarded: number;
  halfLifeDays: number | null;
  /** Decay runs from this instant. */
  decaysFromMs: number;
  /** Counted at instants from this one on (a folded sum counts at any instant). */
  countsFromMs: number;
}

/**
 * The behaviour score as of `at`, from stored contributions: each contributes
 * `awarded × 0.5^((at − occurredAt) / halfLife)`; contributions after `at` do not exist yet. Group and total
 * limits cap the decayed positive points at read time (group first, then total); penalties are added after
 * the limits, so an unsubscribe lowers even a lead that is over its limits. Folded sums decay the same way from
 * their `exactFrom`; read before it they count at their value then (exact only from `exactFrom` on).
 */
export function behaviourScoreAt(
  state: LeadState,
  at: Instant,
  model: ScoringModel,
  maxFactors = DEFAULT_MAX_FACTORS,
): BehaviourScore {
  const atMs = toMillis(at);
  const live = liveAt(timedPoints(state), atMs);
  const byGroup = groupScores(live, model);
  const ungroupedPoints = live.filter((item) => item.groupId === null).map((item) => item.points);
  return {
    at: toIso(atMs),
    total: cappedTotal(live, byGroup, model),
    uncappedTotal: sum(live.map((item) => item.points)),
    byGroup,
    ungrouped: sum(ungroupedPoints),
    topFactors: maxFactors > 0 ? topFactors(live, model, maxFactors) : [],
  };
}

/**
 * `behaviourScoreAt(state, ms, model).total` as a function of the instant, with the contributions parsed once:
 * for searches that read one state at dozens of instants (when does it go cold?).
 */
export function behaviourTotalOverTime(state: LeadState, model: ScoringModel): (atMs: number) => number {
  const timed = timedPoints(state);
  return (atMs) => {
    const live = liveAt(timed, atMs);
    return cappedTotal(live, groupScores(live, model), model);
  };
}

function timedPoints(state: LeadState): TimedPoints[] {
  return [...state.contributions.filter((c) => c.awarded !== 0).map(timedContribution), ...timedFolded(state.folded)];
}

function timedContribution(contribution: Contribution): TimedPoints {
  const occurredMs = toMillis(contribution.occurredAt);
  return {
    ruleId: contribution.ruleId,
    groupId: contribution.groupId,
    awarded: contribution.awarded,
    halfLifeDays: contribution.halfLifeDays,
    decaysFromMs: occurredMs,
    countsFromMs: occurredMs,
  };
}

function timedFolded(folded: FoldedHistory | undefined): TimedPoints[] {
  if (folded === undefined) return [];
  const exactFromMs = toMillis(folded.exactFrom);
  return folded.rules.flatMap((rule) =>
    rule.points.map((points) => ({
      ruleId: rule.ruleId,
      groupId: points.groupId,
      awarded: points.value,
      halfLifeDays: points.halfLifeDays,
      decaysFromMs: exactFromMs,
      countsFromMs: Number.NEGATIVE_INFINITY,
    })),
  );
}

function liveAt(timed: readonly TimedPoints[], atMs: number): LivePoints[] {
  return timed
    .filter((item) => item.countsFromMs <= atMs)
    .map((item) => ({
      ruleId: item.ruleId,
      groupId: item.groupId,
      points: item.awarded * decayFactor(atMs - item.decaysFromMs, item.halfLifeDays),
    }));
}

function cappedTotal(live: LivePoints[], byGroup: Record<string, GroupScore>, model: ScoringModel): number {
  const ungroupedEarned = live.filter((item) => item.groupId === null && isEarned(item.points));
  const earned =
    sum(Object.values(byGroup).map((group) => cap(group.earned, group.limit))) +
    sum(ungroupedEarned.map((item) => item.points));
  const penalties = sum(live.map((item) => item.points).filter((points) => !isEarned(points)));
  return cap(earned, model.behaviour.totalLimit ?? null) + penalties;
}

function groupScores(live: LivePoints[], model: ScoringModel): Record<string, GroupScore> {
  const groups: Record<string, GroupScore> = {};
  const emptyGroup = (groupId: string, label: string, limit: number | null): GroupScore => ({
    groupId,
    label,
    earned: 0,
    penalties: 0,
    score: 0,
    limit,
  });
  for (const group of model.behaviour.groups) groups[group.id] = emptyGroup(group.id, group.label, group.limit);
  for (const { groupId, points } of live) {
    if (groupId === null) continue;
    groups[groupId] ??= emptyGroup(groupId, groupId, null);
    if (isEarned(points)) groups[groupId].earned += points;
    else groups[groupId].penalties += points;
  }
  for (const group of Object.values(groups)) group.score = cap(group.earned, group.limit) + group.penalties;
  return groups;
}

const isEarned = (points: number): boolean => points > 0;
const cap = (points: number, limit: number | null): number => (limit === null ? points : Math.min(points, limit));

function topFactors(live: LivePoints[], model: ScoringModel, maxFactors: number): ScoreFactor[] {
  const labels = new Map(model.behaviour.rules.map((rule) => [rule.id, rule.label]));
  const byRule = new Map<string, ScoreFactor>();
  for (const { ruleId, groupId, points } of live) {
    const factor = byRule.get(ruleId) ?? { ruleId, label: labels.get(ruleId) ?? ruleId, points: 0, groupId };
    factor.points += points;
    byRule.set(ruleId, factor);
  }
  return [...byRule.values()]
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || (a.ruleId < b.ruleId ? -1 : 1))
    .slice(0, maxFactors);
}

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);
