import type { LifecycleStage } from '@handoff/shared-vocabulary';
import type { LifecycleState } from '../lifecycle/lifecycle.types';
import type { LeadProfile } from './lead-profile';

/** Which limit reduced a contribution's award (null when the rule's full points were awarded). */
export type CapKind = 'once_per_lead' | 'rule_cap' | 'window_cap';

/**
 * One rule matched by one event. `points` is what the rule offered, `awarded` what the caps allowed
 * (before decay). Group and half-life are captured at match time so reading a score never depends on
 * a later model edit.
 */
export interface Contribution {
  eventId: string;
  ruleId: string;
  modelVersion: string;
  occurredAt: string;
  points: number;
  awarded: number;
  cap: CapKind | null;
  groupId: string | null;
  halfLifeDays: number | null;
}

/** Everything scoring persists per lead; plain JSON (ISO timestamps, null for absent). */
export interface LeadState {
  leadId: string;
  /** Sorted by event time, then event id, then rule id. */
  contributions: Contribution[];
  profile: LeadProfile;
  /** Event time of the newest profile data applied; older profile data only fills gaps. */
  profileAsOf: string | null;
  lifecycle: LifecycleState;
  /** Contributions compaction folded; absent until the first compaction (states stored before it have none). */
  folded?: FoldedHistory;
}

/**
 * Contributions folded by compaction, so a lead's state grows with its recent activity, not its lifetime.
 * Reading a score only sums decayed values per rule, group, half-life and sign, and decay is multiplicative,
 * so those sums valued at `exactFrom` give the same score as the contributions themselves at any instant
 * from `exactFrom` on (to floating-point rounding: the tests hold it to 1e-9 points).
 */
export interface FoldedHistory {
  /** Scores are exact at or after this instant; before it, folded points count at their value at this instant. */
  exactFrom: string;
  rules: FoldedRule[];
}

/** What the caps still need to know about a rule's folded contributions. */
export interface FoldedRule {
  ruleId: string;
  /** The earliest folded contribution: a once-per-lead rule awards nothing to a contribution after it. */
  first: { eventId: string; occurredAt: string };
  /** Sum of the folded awards' magnitudes, counted by a lifetime `maxPoints`. */
  awardedMagnitude: number;
  points: FoldedPoints[];
}

/** The folded awards of one rule with one group, half-life and sign, decayed to `exactFrom`. */
export interface FoldedPoints {
  groupId: string | null;
  halfLifeDays: number | null;
  /** Exact sum of the awards for a rule that never decays (null half-life). */
  value: number;
}

export type LedgerEntryKind = 'awarded' | 'adjusted' | 'merged';

/**
 * One change to one contribution. `awarded - previousAwarded` is the change before decay;
 * `pointsAfterDecay` is the contribution's decayed value at `recordedAt`.
 */
export interface LedgerEntry {
  kind: LedgerEntryKind;
  eventId: string;
  ruleId: string;
  modelVersion: string;
  occurredAt: string;
  recordedAt: string;
  /** The event that caused this entry: the engagement itself, a newer-arriving older one, or the merge. */
  causeEventId: string;
  points: number;
  previousAwarded: number;
  awarded: number;
  pointsAfterDecay: number;
  cap: CapKind | null;
  mergedFromLeadId: string | null;
}

export function createLeadState(leadId: string, stage: LifecycleStage = 'subscriber'): LeadState {
  return {
    leadId,
    contributions: [],
    profile: {},
    profileAsOf: null,
    lifecycle: { stage, since: null, reason: null, detail: null, qualificationCount: 0, lastQualifiedAt: null },
  };
}
