import type { BehaviourRule, ScoringModel } from '../model/scoring-model.types';
import type { CapKind, Contribution, FoldedHistory } from '../state/lead-state';
import { DAY_MS, toMillis } from '../time';

export const contributionKey = (contribution: Pick<Contribution, 'eventId' | 'ruleId'>): string =>
  `${contribution.eventId}\u0000${contribution.ruleId}`;

type EventOrder = Pick<Contribution, 'eventId' | 'occurredAt'>;

/** Event-time order with deterministic tie-breaks, so every replica derives the same awards. */
export function compareContributions(a: Contribution, b: Contribution): number {
  return compareEventOrder(a, b) || compareText(a.ruleId, b.ruleId);
}

export function compareEventOrder(a: EventOrder, b: EventOrder): number {
  return toMillis(a.occurredAt) - toMillis(b.occurredAt) || compareText(a.eventId, b.eventId);
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Awards are kept to micro-points so repeated subtraction in windows cannot leave 1e-15 crumbs. */
const roundPoints = (points: number): number => Math.round(points * 1e6) / 1e6;

/** What a rule's awards owe to its folded contributions (see `FoldedHistory`). */
export interface RulePrior {
  first: EventOrder | null;
  awardedMagnitude: number;
}

const NO_PRIOR: RulePrior = { first: null, awardedMagnitude: 0 };

export function priorOf(folded: FoldedHistory | undefined, ruleId: string): RulePrior {
  return folded?.rules.find((rule) => rule.ruleId === ruleId) ?? NO_PRIOR;
}

/**
 * Re-derives awards for every rule that has a contribution in `changed`, from that rule's earliest changed
 * contribution onwards. An award depends only on earlier events of the same rule, so earlier awards stay
 * as they are and an event arriving late displaces later ones exactly as if it had arrived in order.
 * Folded awards count towards every stored contribution's lifetime cap, a once-per-lead rule awards nothing
 * after its earliest folded contribution, and folded awards themselves are never re-derived.
 * Rules no longer in the model keep their stored awards.
 */
export function reconcileAwards(
  contributions: readonly Contribution[],
  changed: ReadonlySet<string>,
  model: ScoringModel,
  folded?: FoldedHistory,
): Contribution[] {
  const sorted = [...contributions].sort(compareContributions);
  const rules = new Map(model.behaviour.rules.map((rule) => [rule.id, rule]));
  const updated = new Map<string, Contribution>();
  for (const [ruleId, list] of groupByRule(sorted)) {
    const rule = rules.get(ruleId);
    const from = list.findIndex((contribution) => changed.has(contributionKey(contribution)));
    if (!rule || from < 0) continue;
    for (const contribution of recomputeRuleAwards(list, rule, from, priorOf(folded, ruleId)))
      updated.set(contributionKey(contribution), contribution);
  }
  return sorted.map((contribution) => updated.get(contributionKey(contribution)) ?? contribution);
}

function groupByRule(sorted: Contribution[]): Map<string, Contribution[]> {
  const byRule = new Map<string, Contribution[]>();
  for (const contribution of sorted) {
    const list = byRule.get(contribution.ruleId) ?? [];
    list.push(contribution);
    byRule.set(contribution.ruleId, list);
  }
  return byRule;
}

/**
 * Walks one rule's contributions in event order keeping the lifetime total (from the folded awards on) and a
 * trailing window (occurredAt in (t - days, t]) of awarded magnitudes; contributions before `fromIndex` are kept.
 */
export function recomputeRuleAwards(
  sorted: Contribution[],
  rule: BehaviourRule,
  fromIndex: number,
  prior: RulePrior,
): Contribution[] {
  const windowMs = (rule.window?.days ?? 0) * DAY_MS;
  const result: Contribution[] = [];
  let total = prior.awardedMagnitude;
  let windowSum = 0;
  let windowStart = 0;
  sorted.forEach((contribution, index) => {
    const time = toMillis(contribution.occurredAt);
    while (windowStart < index && toMillis(result[windowStart].occurredAt) <= time - windowMs) {
      windowSum -= Math.abs(result[windowStart].awarded);
      windowStart += 1;
    }
    const next =
      index < fromIndex
        ? contribution
        : { ...contribution, ...awardFor(contribution, rule, isFirst(index, contribution, prior), total, windowSum) };
    result.push(next);
    total += Math.abs(next.awarded);
    windowSum += Math.abs(next.awarded);
  });
  return result;
}

/** The rule's first contribution in event order, folded ones included: the one a once-per-lead rule awards. */
const isFirst = (index: number, contribution: Contribution, prior: RulePrior): boolean =>
  index === 0 && (prior.first === null || compareEventOrder(contribution, prior.first) < 0);

/** Caps bound the magnitude, so they limit negative rules the same way as positive ones. */
function awardFor(
  contribution: Contribution,
  rule: BehaviourRule,
  first: boolean,
  total: number,
  windowSum: number,
): { awarded: number; cap: CapKind | null } {
  if (rule.frequency === 'once_per_lead' && !first) return { awarded: 0, cap: 'once_per_lead' };
  let allowed = Math.abs(contribution.points);
  let cap: CapKind | null = null;
  if (rule.maxPoints !== undefined && rule.maxPoints - total < allowed) {
    allowed = Math.max(0, rule.maxPoints - total);
    cap = 'rule_cap';
  }
  if (rule.window && rule.window.maxPoints - windowSum < allowed) {
    allowed = Math.max(0, rule.window.maxPoints - windowSum);
    cap = 'window_cap';
  }
  const magnitude = roundPoints(allowed);
  return { awarded: magnitude === 0 ? 0 : Math.sign(contribution.points) * magnitude, cap };
}
