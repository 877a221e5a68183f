import type { Grade, RoutingStrategy } from '@handoff/shared-vocabulary';

/** An inclusive numeric range; either end may be absent. */
export interface NumberRange {
  min?: number;
  max?: number;
}

/** Every listed condition must hold (AND); within one list any value may match (OR). Absent = no condition. */
export interface RuleConditions {
  countries?: string[];
  regions?: string[];
  territories?: string[];
  employeeCount?: NumberRange;
  industries?: string[];
  grades?: Grade[];
  behaviourScore?: NumberRange;
  productInterests?: string[];
  sources?: string[];
  accountSegments?: string[];
}

export interface RoutingRule {
  id: string;
  description?: string;
  when: RuleConditions;
  pool: string;
  strategy: RoutingStrategy;
  /** Send a lead whose account has an available owner to that owner (then the owner's team) first. */
  accountOwnerFirst: boolean;
}

/** The fallback pool takes what no rule matches and what escalates. */
export interface FallbackRoute {
  pool: string;
  strategy: RoutingStrategy;
}

/** A versioned, ordered rule document: the first rule whose conditions hold wins. */
export interface RoutingRuleSet {
  version: string;
  rules: RoutingRule[];
  fallback: FallbackRoute;
  /** Lowest fuzzy company-name similarity (0..1) that counts as an account match. */
  accountNameSimilarity: number;
}
