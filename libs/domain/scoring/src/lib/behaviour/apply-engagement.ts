import type { BehaviourRule, ScoringModel } from '../model/scoring-model.types';
import { combineProfiles, sameProfile, type LeadProfile } from '../state/lead-profile';
import type { Contribution, LeadState, LedgerEntry } from '../state/lead-state';
import { toIso, toMillis, type Instant } from '../time';
import { contributionKey, reconcileAwards } from './awards';
import type { Engagement } from './engagement';
import { ledgerChanges } from './ledger';
import { matchingRules } from './rule-matching';

export interface ApplyEngagementOptions {
  /** When the change is recorded (processing time); ledger entries show decayed points as of then. */
  recordedAt?: Instant;
}

export interface ApplyEngagementResult {
  state: LeadState;
  ledger: LedgerEntry[];
  /** The event was already applied to this lead; nothing changed. */
  duplicate: boolean;
  /** The profile changed, so fit should be re-evaluated. */
  profileChanged: boolean;
  matchedRuleIds: string[];
}

/**
 * Applies one engagement: updates the profile it carries, then records a contribution for every matching
 * rule and re-derives the caps of those rules (see `reconcileAwards`). Idempotent per event id among the
 * contributions the state still holds (folded ones keep no event ids: the service's inbox stops redeliveries).
 * Rules are matched against the profile as known once this event's own profile data is applied.
 */
export function applyEngagement(
  state: LeadState,
  engagement: Engagement,
  model: ScoringModel,
  options: ApplyEngagementOptions = {},
): ApplyEngagementResult {
  if (state.contributions.some((contribution) => contribution.eventId === engagement.eventId)) {
    return { state, ledger: [], duplicate: true, profileChanged: false, matchedRuleIds: [] };
  }
  const occurredAt = toIso(engagement.occurredAt);
  const { profile, profileAsOf } = updateProfile(state, engagement.profile, occurredAt);
  const rules = matchingRules(model, engagement, profile);
  const fresh = rules.map((rule) => newContribution(rule, engagement.eventId, occurredAt, model));
  const contributions = reconcileAwards(
    [...state.contributions, ...fresh],
    new Set(fresh.map(contributionKey)),
    model,
    state.folded,
  );
  const ledger = ledgerChanges(state.contributions, contributions, {
    causeEventId: engagement.eventId,
    recordedAt: toIso(options.recordedAt ?? occurredAt),
    kindForNew: 'awarded',
    mergedFromLeadId: null,
  });
  return {
    state: { ...state, contributions, profile, profileAsOf },
    ledger,
    duplicate: false,
    profileChanged: !sameProfile(state.profile, profile),
    matchedRuleIds: rules.map((rule) => rule.id),
  };
}

/** Newer profile data overwrites; profile data older than what we hold only fills gaps. */
function updateProfile(
  state: LeadState,
  update: LeadProfile | undefined,
  occurredAt: string,
): { profile: LeadProfile; profileAsOf: string | null } {
  if (!update) return { profile: state.profile, profileAsOf: state.profileAsOf };
  const isNewer = state.profileAsOf === null || toMillis(occurredAt) >= toMillis(state.profileAsOf);
  return isNewer
    ? { profile: combineProfiles(update, state.profile), profileAsOf: occurredAt }
    : { profile: combineProfiles(state.profile, update), profileAsOf: state.profileAsOf };
}

function newContribution(rule: BehaviourRule, eventId: string, occurredAt: string, model: ScoringModel): Contribution {
  return {
    eventId,
    ruleId: rule.id,
    modelVersion: model.version,
    occurredAt,
    points: rule.points,
    awarded: 0,
    cap: null,
    groupId: rule.groupId ?? null,
    halfLifeDays: rule.halfLifeDays === undefined ? model.behaviour.halfLifeDays : rule.halfLifeDays,
  };
}
