export * from './lib/directory.types';
export * from './lib/rules.types';
export * from './lib/decision.types';
export * from './lib/strategies';
export * from './lib/fairness/fairness-report';
export {
  parseRoutingRules,
  validateRoutingRules,
  RoutingRulesValidationError,
  DEFAULT_ACCOUNT_NAME_SIMILARITY,
  type RoutingRulesValidation,
} from './lib/rules/parse-routing-rules';
export type { RuleFacts } from './lib/rules/rule-conditions';
export { matchRule, type RuleMatch } from './lib/rules/match-rule';
export { territoriesOf } from './lib/territories/territories-of';
export { matchAccount } from './lib/accounts/match-account';
export { normaliseCompanyName, nameSimilarity } from './lib/accounts/company-name';
export { isFreeMailDomain } from './lib/accounts/free-mail-domains';
export { checkEligibility, isEligible, type EligibilityContext } from './lib/availability/check-eligibility';
export { workingHoursAt, type WorkingHoursVerdict } from './lib/availability/working-hours';
export { capWindowOf, type CapWindow } from './lib/availability/cap-window';
export { slaDeadline } from './lib/availability/sla-deadline';
export { FALLBACK_RULE_ID } from './lib/route/route-target';
export { routeLead } from './lib/route/route-lead';
export { firstRouteRequest } from './lib/route/route-request';
export { poolMembers, type PoolMembership } from './lib/route/pool-members';
export * from './lib/backtest/backtest-rules';
