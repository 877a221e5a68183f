import type { RoutingPath, RoutingStrategy } from '@handoff/shared-vocabulary';
import type { RouteRequest, RuleTrace } from '../decision.types';
import type { RuleFacts } from '../rules/rule-conditions';
import { matchRule } from '../rules/match-rule';
import type { RoutingRuleSet } from '../rules.types';

export const FALLBACK_RULE_ID = 'fallback';

/** Where a decision sends the lead before looking at reps: the matched rule's pool or the fallback. */
export interface RouteTarget {
  ruleId: string;
  poolId: string;
  strategy: RoutingStrategy;
  path: Extract<RoutingPath, 'rule_pool' | 'fallback_pool'>;
  accountOwnerFirst: boolean;
  /** The start of the reason, e.g. `Rule enterprise-dach matched (country DE, 1200 employees)`. */
  because: string;
  rules: RuleTrace[];
}

export function routeTargetOf(request: RouteRequest, ruleSet: RoutingRuleSet, facts: RuleFacts): RouteTarget {
  const fallback = {
    ruleId: FALLBACK_RULE_ID,
    poolId: ruleSet.fallback.pool,
    strategy: ruleSet.fallback.strategy,
    path: 'fallback_pool' as const,
    accountOwnerFirst: false,
  };
  if (request.forceFallback) {
    return { ...fallback, because: `Escalated to the fallback pool ${ruleSet.fallback.pool}`, rules: [] };
  }
  const { rule, trace, matchedOn } = matchRule(ruleSet, request.lead, facts);
  if (!rule) return { ...fallback, because: `No rule matched, so the fallback pool ${fallback.poolId}`, rules: trace };
  return {
    ruleId: rule.id,
    poolId: rule.pool,
    strategy: rule.strategy,
    path: 'rule_pool',
    accountOwnerFirst: rule.accountOwnerFirst,
    because: `Rule ${rule.id} matched (${matchedOn.length > 0 ? matchedOn.join(', ') : 'no conditions'})`,
    rules: trace,
  };
}

/** Account matching costs a pass over every account, so it runs only when a rule could use its result. */
export function needsAccountMatch(request: RouteRequest, ruleSet: RoutingRuleSet): boolean {
  return !request.forceFallback && ruleSet.rules.some((rule) => rule.accountOwnerFirst || rule.when.accountSegments);
}
