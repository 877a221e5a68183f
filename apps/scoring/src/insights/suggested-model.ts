import type { BehaviourRule, FitRule, ScoringModel } from '@handoff/domain-scoring';
import type { RuleInsights } from './rule-insights.service';

export interface SuggestedModel {
  model: ScoringModel;
  changed: { ruleId: string; from: number; to: number }[];
  /** Rules whose suggested points round to 0: a model cannot hold a rule worth nothing, so the candidate drops them. */
  removed: string[];
}

/**
 * A candidate model: `base` with each rule's points replaced by the suggested ones, stored as `version` for the
 * usual backtest and activation. A behaviour rule's caps are scaled with its points, so it keeps capping after the
 * same number of awards.
 */
export function suggestedModel(base: ScoringModel, insights: RuleInsights, version: string): SuggestedModel {
  const suggested = new Map(insights.rules.map((rule) => [rule.ruleId, rule.suggestedPoints]));
  const changed: SuggestedModel['changed'] = [];
  const removed: string[] = [];
  const rescore = <R extends BehaviourRule | FitRule>(rule: R): R[] => {
    const to = suggested.get(rule.id) ?? rule.points;
    if (to === 0) {
      removed.push(rule.id);
      return [];
    }
    if (to !== rule.points) changed.push({ ruleId: rule.id, from: rule.points, to });
    return [{ ...rule, points: to }];
  };
  const behaviourRules = base.behaviour.rules.flatMap(rescore).map((rule) => withScaledCaps(rule, base));
  return {
    model: {
      ...base,
      version,
      behaviour: { ...base.behaviour, rules: behaviourRules },
      fit: { ...base.fit, rules: base.fit.rules.flatMap(rescore) },
    },
    changed,
    removed,
  };
}

function withScaledCaps(rule: BehaviourRule, base: ScoringModel): BehaviourRule {
  const before = base.behaviour.rules.find((candidate) => candidate.id === rule.id);
  if (!before || before.points === rule.points) return rule;
  const scaled = (cap: number) => Math.max(1, Math.round((cap * Math.abs(rule.points)) / Math.abs(before.points)));
  return {
    ...rule,
    ...(rule.maxPoints === undefined ? {} : { maxPoints: scaled(rule.maxPoints) }),
    ...(rule.window === undefined ? {} : { window: { ...rule.window, maxPoints: scaled(rule.window.maxPoints) } }),
  };
}
