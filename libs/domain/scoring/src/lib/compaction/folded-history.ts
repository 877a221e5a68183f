import { compareEventOrder } from '../behaviour/awards';
import { decayFactor } from '../behaviour/decay';
import type { Contribution, FoldedHistory, FoldedPoints, FoldedRule } from '../state/lead-state';
import { toIso, toMillis } from '../time';

export function emptyFoldedHistory(exactFromMs: number): FoldedHistory {
  return { exactFrom: toIso(exactFromMs), rules: [] };
}

/** The same folded history valued at a later instant: each decaying sum decays by the time in between. */
export function revalueAt(folded: FoldedHistory, exactFromMs: number): FoldedHistory {
  const elapsedMs = exactFromMs - toMillis(folded.exactFrom);
  if (elapsedMs <= 0) return folded;
  return {
    exactFrom: toIso(exactFromMs),
    rules: folded.rules.map((rule) => ({
      ...rule,
      points: rule.points
        .map((points) => ({ ...points, value: points.value * decayFactor(elapsedMs, points.halfLifeDays) }))
        .filter((points) => points.value !== 0),
    })),
  };
}

/** Adds contributions (older than `exactFrom`) to the folded history, each decayed to `exactFrom`. */
export function foldContributions(folded: FoldedHistory, contributions: readonly Contribution[]): FoldedHistory {
  const exactFromMs = toMillis(folded.exactFrom);
  const rules = new Map(folded.rules.map((rule) => [rule.ruleId, rule]));
  for (const contribution of contributions) {
    const folding = foldedRuleOf(contribution, exactFromMs);
    const existing = rules.get(contribution.ruleId);
    rules.set(contribution.ruleId, existing ? combineRules(existing, folding) : folding);
  }
  return { exactFrom: folded.exactFrom, rules: [...rules.values()] };
}

/** Both leads' folded histories valued at the later of their `exactFrom`s, rule by rule. */
export function combineFoldedHistories(
  a: FoldedHistory | undefined,
  b: FoldedHistory | undefined,
): FoldedHistory | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  const exactFromMs = Math.max(toMillis(a.exactFrom), toMillis(b.exactFrom));
  const rules = new Map(revalueAt(a, exactFromMs).rules.map((rule) => [rule.ruleId, rule]));
  for (const rule of revalueAt(b, exactFromMs).rules) {
    const existing = rules.get(rule.ruleId);
    rules.set(rule.ruleId, existing ? combineRules(existing, rule) : rule);
  }
  return { exactFrom: toIso(exactFromMs), rules: [...rules.values()] };
}

function foldedRuleOf(contribution: Contribution, exactFromMs: number): FoldedRule {
  const elapsedMs = exactFromMs - toMillis(contribution.occurredAt);
  const value = contribution.awarded * decayFactor(elapsedMs, contribution.halfLifeDays);
  return {
    ruleId: contribution.ruleId,
    first: { eventId: contribution.eventId, occurredAt: contribution.occurredAt },
    awardedMagnitude: Math.abs(contribution.awarded),
    points: addPoints([], { groupId: contribution.groupId, halfLifeDays: contribution.halfLifeDays, value }),
  };
}

function combineRules(a: FoldedRule, b: FoldedRule): FoldedRule {
  return {
    ruleId: a.ruleId,
    first: compareEventOrder(b.first, a.first) < 0 ? b.first : a.first,
    awardedMagnitude: a.awardedMagnitude + b.awardedMagnitude,
    points: b.points.reduce(addPoints, a.points),
  };
}

/** Earned points and penalties stay apart: reading a score caps only the earned ones. */
function addPoints(list: readonly FoldedPoints[], added: FoldedPoints): FoldedPoints[] {
  if (added.value === 0) return [...list];
  const index = list.findIndex(
    (points) =>
      points.groupId === added.groupId &&
      points.halfLifeDays === added.halfLifeDays &&
      Math.sign(points.value) === Math.sign(added.value),
  );
  if (index < 0) return [...list, added];
  return list.map((points, at) => (at === index ? { ...points, value: points.value + added.value } : points));
}
