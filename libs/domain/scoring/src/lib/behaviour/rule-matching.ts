import { matchesCondition, resolvePath } from '../model/condition';
import { ANY_ACTIVITY, type BehaviourRule, type ScoringModel } from '../model/scoring-model.types';
import type { LeadProfile } from '../state/lead-profile';
import type { Engagement } from './engagement';

/** Every rule an engagement satisfies; one event may feed several rules (e.g. page view and pricing page). */
export function matchingRules(model: ScoringModel, engagement: Engagement, profile: LeadProfile): BehaviourRule[] {
  return model.behaviour.rules.filter((rule) => ruleMatches(rule, engagement, profile));
}

export function ruleMatches(rule: BehaviourRule, engagement: Engagement, profile: LeadProfile): boolean {
  if (rule.activityType !== ANY_ACTIVITY && rule.activityType !== engagement.type) return false;
  if (rule.customType !== undefined && rule.customType !== engagement.customType) return false;
  const subject = { properties: engagement.properties ?? {}, profile };
  return rule.filters.every((filter) => matchesCondition(resolvePath(subject, filter.path), filter.condition));
}
