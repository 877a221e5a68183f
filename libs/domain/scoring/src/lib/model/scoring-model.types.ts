import type { Grade } from '@handoff/shared-vocabulary';

export type Scalar = string | number | boolean;

/**
 * A test on one value. String comparisons (`equals`, `in`) ignore case and `matches` patterns are
 * case-insensitive, because marketing tools disagree on casing. When the value is a list, the condition
 * holds if any element satisfies it. `range` bounds are inclusive.
 */
export type Condition =
  | { op: 'equals'; value: Scalar }
  | { op: 'in'; values: Scalar[] }
  | { op: 'range'; min?: number; max?: number }
  | { op: 'matches'; pattern: string }
  | { op: 'exists' };

export type ConditionOp = Condition['op'];

/** `path` is dotted and rooted at `properties.` (the event's properties) or `profile.` (the lead's profile). */
export interface PropertyFilter {
  path: string;
  condition: Condition;
}

export type RuleFrequency = 'once_per_lead' | 'repeatable';

/** At most `maxPoints` (in absolute value) awarded by the rule over any `days`-long window of event time. */
export interface WindowCap {
  days: number;
  maxPoints: number;
}

/** Matches any activity type; useful for rules that only look at the profile (e.g. a competitor's domain). */
export const ANY_ACTIVITY = '*';

export interface BehaviourRule {
  id: string;
  label: string;
  activityType: string;
  customType?: string;
  filters: PropertyFilter[];
  /** Negative points are allowed (unsubscribe, bounce, competitor). */
  points: number;
  frequency: RuleFrequency;
  /** Lifetime cap on the absolute sum of points the rule awards to one lead (before decay). */
  maxPoints?: number;
  window?: WindowCap;
  groupId?: string;
  /** Overrides the model's half-life; `null` means the contribution never decays. */
  halfLifeDays?: number | null;
}

export interface ScoreGroup {
  id: string;
  label: string;
  /** Upper bound on the group's decayed positive points; penalties are subtracted after it. */
  limit: number;
}

export interface BehaviourModel {
  rules: BehaviourRule[];
  groups: ScoreGroup[];
  halfLifeDays: number;
  /** Upper bound on the decayed positive points after group limits; penalties are subtracted after it. */
  totalLimit?: number;
}

export const FIT_ATTRIBUTES = [
  'industry',
  'employeeCount',
  'title',
  'seniority',
  'country',
  'companyDomain',
  'emailDomain',
] as const;
export type FitAttribute = (typeof FIT_ATTRIBUTES)[number] | `traits.${string}`;

export interface FitRule {
  id: string;
  label: string;
  attribute: FitAttribute;
  condition: Condition;
  points: number;
}

/** Minimum fit score for each grade; anything below `C` is a D. */
export interface GradeThresholds {
  A: number;
  B: number;
  C: number;
}

export interface FitModel {
  rules: FitRule[];
  grades: GradeThresholds;
}

export interface QualificationRule {
  minBehaviour: number;
  minGrade: Grade;
}

/** An MQL whose decayed behaviour score falls below `coldBelow` is recycled. */
export interface DecayThresholds {
  coldBelow: number;
}

export interface ScoringModel {
  id: string;
  version: string;
  name: string;
  behaviour: BehaviourModel;
  fit: FitModel;
  qualification: QualificationRule;
  decayThresholds?: DecayThresholds;
}
