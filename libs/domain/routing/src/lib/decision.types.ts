import type { AssignmentTrigger, Grade, RoutingPath, RoutingStrategy } from '@handoff/shared-vocabulary';

/** What routing knows about a qualified lead (from lead.qualified), the input of every decision. */
export interface LeadToRoute {
  leadId: string;
  /** The lead.qualified event this decision answers; one qualification gets one live assignment. */
  qualificationId: string;
  grade: Grade;
  behaviourScore: number;
  fitScore: number;
  country?: string;
  region?: string;
  postalCode?: string;
  employeeCount?: number;
  industry?: string;
  productInterest?: string;
  source?: string;
  company?: string;
  companyDomain?: string;
  emailDomain?: string;
}

export const ELIGIBILITY_CHECKS = [
  'active',
  'paused',
  'out_of_office',
  'working_hours',
  'daily_cap',
  'rolling_cap',
  'capacity',
  'already_tried',
] as const;
export type EligibilityCheckName = (typeof ELIGIBILITY_CHECKS)[number];

export interface EligibilityCheck {
  check: EligibilityCheckName;
  passed: boolean;
  /** Human-readable why, e.g. `out of office until 2026-12-08T00:00:00Z` or `local time 19:12 Tue, hours 09:00-17:00`. */
  detail: string;
}

/** One rep considered for the decision, every check it went through and how the strategy scored it. */
export interface CandidateTrace {
  repId: string;
  eligible: boolean;
  checks: EligibilityCheck[];
  /** The figure the strategy ranked by (turn distance, credit, open leads, remaining capacity…), when eligible. */
  strategyScore?: number;
  strategyDetail?: string;
  chosen: boolean;
}

export interface RuleTrace {
  ruleId: string;
  matched: boolean;
  /** For a rule that did not match: the first condition that failed, e.g. `country DE not in [US, CA]`. */
  failedCondition?: string;
}

export const ACCOUNT_MATCH_REASONS = ['exact_domain', 'normalised_name', 'fuzzy_name'] as const;
export type AccountMatchReason = (typeof ACCOUNT_MATCH_REASONS)[number];

export interface AccountMatch {
  accountId: string;
  ownerRepId?: string;
  segment?: string;
  /** 0..1: 1 for an exact domain, lower for name matches. */
  confidence: number;
  reasons: { reason: AccountMatchReason; detail: string }[];
}

/** Strategy memory of one pool, persisted between decisions (JSON). */
export interface PoolStrategyState {
  /** Round robin: the rep who got the last lead; the next turn starts after them in id order. */
  lastRepId?: string;
  /** Smooth weighted round robin: each rep's running credit. */
  credits?: Record<string, number>;
  /** Assignments made by this pool since its sequence started. */
  sequence: number;
}

/** A sales manager moving a lead: it stays on the route of its live assignment (pool, rule, strategy). */
export interface ManualMove {
  /** The rep who holds the lead now. */
  fromRepId: string;
  poolId: string;
  ruleId: string;
  strategy: RoutingStrategy;
  /** The rep the manager names; without one the pool's strategy picks among its eligible reps. */
  toRepId?: string;
  /** The manager's why, quoted in the reason. */
  note?: string;
}

export interface RouteRequest {
  lead: LeadToRoute;
  trigger: AssignmentTrigger;
  /** Reps who already had this qualification (rejected or missed the SLA); never chosen again. */
  triedRepIds: string[];
  /** Assignments of this qualification so far (0 for the first). */
  attempt: number;
  /** Route straight to the fallback pool (an escalation). */
  forceFallback: boolean;
  /** A manual reassignment: the rules are not matched again. */
  manualMove?: ManualMove;
  now: string;
}

export interface AssignedDecision {
  outcome: 'assigned';
  repId: string;
  teamId?: string;
  poolId: string;
  ruleId: string;
  strategy: RoutingStrategy;
  path: RoutingPath;
  /** One sentence a sales rep can read: why this rep. */
  reason: string;
  slaDueAt: string;
}

export interface QueuedDecision {
  outcome: 'queued';
  poolId: string;
  ruleId: string;
  strategy: RoutingStrategy;
  reason: string;
}

export interface RoutingTrace {
  rules: RuleTrace[];
  accountMatch?: AccountMatch;
  candidates: CandidateTrace[];
  /** What the decision had to work around in the directory, e.g. `pool emea-ent is not in the directory`. */
  notes?: string[];
}

export type RoutingDecision = (AssignedDecision | QueuedDecision) & {
  trace: RoutingTrace;
  /** The pool's strategy state after this decision (unchanged when queued). */
  poolState: PoolStrategyState;
};
