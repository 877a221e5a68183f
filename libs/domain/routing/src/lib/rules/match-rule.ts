import type { LeadToRoute, RuleTrace } from '../decision.types';
import type { RoutingRule, RoutingRuleSet } from '../rules.types';
import { evaluateConditions, type RuleFacts } from './rule-conditions';

export interface RuleMatch {
  /** The first rule whose conditions all hold; undefined sends the lead to the fallback route. */
  rule?: RoutingRule;
  /** Every rule evaluated, in order, up to and including the match. */
  trace: RuleTrace[];
  /** What the matched rule matched on, e.g. `country DE`, `1200 employees`; empty for a rule without conditions. */
  matchedOn: string[];
}

export function matchRule(ruleSet: RoutingRuleSet, lead: LeadToRoute, facts: RuleFacts): RuleMatch {
  const trace: RuleTrace[] = [];
  for (const rule of ruleSet.rules) {
    const results = evaluateConditions(rule.when, lead, facts);
    const failed = results.find((result) => !result.holds);
    if (failed) {
      trace.push({ ruleId: rule.id, matched: false, failedCondition: failed.text });
      continue;
    }
    trace.push({ ruleId: rule.id, matched: true });
    return { rule, trace, matchedOn: results.map((result) => result.text) };
  }
  return { trace, matchedOn: [] };
}
