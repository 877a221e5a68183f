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
  const move = request.manualMove;
  if (move) {
    const { poolId, ruleId, strategy } = move;
    const path = ruleId === FALLBACK_RULE_ID ? ('fallback_pool' as const) : ('rule_pool' as const);
    const because = `Moved by a sales manager from ${move.fromRepId} within pool ${poolId}${quoted(move.note)}`;
    return { ruleId, poolId, strategy, path, accountOwnerFirst: false, because, rules: [] };
  }
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
  if (request.forceFallback || request.manualMove) return false;
  return ruleSet.rules.some((rule) => rule.accountOwnerFirst || rule.when.accountSegments);
}

/** A manager's note as the reason quotes it: ` ("back from holiday, knows the account")`. */
export const quoted = (note: string | undefined): string => (note ? ` ("${note}")` : '');
