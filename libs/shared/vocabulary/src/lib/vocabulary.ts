/**
 * Closed vocabularies shared by the event contracts, the domain libs and the services: each is written here
 * only. Kept as `as const` tuples (not TS enums) so plain JSON objects type-check against the event classes
 * and `IsIn` can list the allowed values.
 */
export const ACTIVITY_TYPES = [
  'page_view',
  'email_open',
  'email_click',
  'form_submit',
  'content_download',
  'webinar_registered',
  'webinar_attended',
  'demo_request',
  'pricing_page_view',
  'trial_signup',
  'product_usage',
  'unsubscribe',
  'email_bounce',
  'profile_update',
  'custom',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const SENIORITIES = ['individual_contributor', 'manager', 'director', 'vp', 'c_level', 'owner'] as const;
export type Seniority = (typeof SENIORITIES)[number];

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

export const LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'mql',
  'sql',
  'opportunity',
  'customer',
  'disqualified',
  'recycled',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const MERGE_REASONS = ['identify', 'alias', 'email_match'] as const;
export type MergeReason = (typeof MERGE_REASONS)[number];

/** How a pool picks one rep among its eligible members. */
export const ROUTING_STRATEGIES = ['round_robin', 'weighted_round_robin', 'least_loaded', 'capacity_aware'] as const;
export type RoutingStrategy = (typeof ROUTING_STRATEGIES)[number];

/**
 * Which way a lead reached its rep: its account's owner, the owner's team, the matched rule's pool, the fallback
 * pool, or a manager's choice.
 */
export const ROUTING_PATHS = ['account_owner', 'owner_team', 'rule_pool', 'fallback_pool', 'manual'] as const;
export type RoutingPath = (typeof ROUTING_PATHS)[number];

/** What started an assignment: the qualification, a rejection, a missed SLA, an escalation, a manager. */
export const ASSIGNMENT_TRIGGERS = ['qualified', 'rejected', 'sla_missed', 'escalated', 'manual'] as const;
export type AssignmentTrigger = (typeof ASSIGNMENT_TRIGGERS)[number];

/** What sales reports about a lead it was handed (the sales-activity contract). */
export const SALES_OUTCOMES = ['accepted', 'rejected', 'won', 'lost'] as const;
export type SalesOutcome = (typeof SALES_OUTCOMES)[number];

/** What a CRM reports beyond a lead's answer: meetings and the life of a deal (the CRM-outcome contract). */
export const CRM_OUTCOMES = ['meeting_held', 'deal_created', 'deal_reopened', 'amount_corrected'] as const;
export type CrmOutcome = (typeof CRM_OUTCOMES)[number];

/** The CRM outcomes about a deal, which must name it. */
export const DEAL_OUTCOMES = [
  'deal_created',
  'deal_reopened',
  'amount_corrected',
] as const satisfies readonly CrmOutcome[];
