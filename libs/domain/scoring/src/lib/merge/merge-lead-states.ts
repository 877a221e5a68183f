import type { LifecycleStage } from '@handoff/shared-vocabulary';
import { contributionKey, reconcileAwards } from '../behaviour/awards';
import { ledgerChanges } from '../behaviour/ledger';
import { combineFoldedHistories } from '../compaction/folded-history';
import type { LifecycleEvent, LifecycleState } from '../lifecycle/lifecycle.types';
import type { ScoringModel } from '../model/scoring-model.types';
import { combineProfiles } from '../state/lead-profile';
import type { Contribution, LeadState, LedgerEntry } from '../state/lead-state';
import { toIso, toMillis, type Instant } from '../time';

/**
 * Funnel progress used to pick the merged stage. A disqualification is a human decision about the person,
 * so it outranks automatic stages (up to mql) but not later sales progress (sql and beyond).
 */
const STAGE_RANK: Record<LifecycleStage, number> = {
  subscriber: 0,
  lead: 1,
  recycled: 2,
  mql: 3,
  disqualified: 4,
  sql: 5,
  opportunity: 6,
  customer: 7,
};

export interface MergeOptions {
  /** The `lead.merged.v1` event id, recorded as the cause of the ledger entries. */
  causeEventId: string;
  recordedAt: Instant;
}

export interface MergeResult {
  state: LeadState;
  /** Entries for the surviving lead: `merged` for carried-over contributions, `adjusted` for re-capped ones. */
  ledger: LedgerEntry[];
  events: LifecycleEvent[];
}

/**
 * Folds `merged` into `surviving`: contributions are united (an event the survivor already has is kept
 * once) and caps and once-per-lead rules are re-derived over the combined history in event order; the
 * survivor's profile wins field by field; the more advanced stage wins (survivor on a tie).
 * Compacted histories are added up, valued at the later `exactFrom` of the two; every stored contribution of a
 * rule the merged lead had folded is re-derived against the combined folded awards (folded awards stand as
 * they are, so two leads' folded awards of one rule both count).
 */
export function mergeLeadStates(
  surviving: LeadState,
  merged: LeadState,
  model: ScoringModel,
  options: MergeOptions,
): MergeResult {
  const survivorEvents = new Set(surviving.contributions.map((contribution) => contribution.eventId));
  const incoming = merged.contributions.filter((contribution) => !survivorEvents.has(contribution.eventId));
  const folded = combineFoldedHistories(surviving.folded, merged.folded);
  const contributions = reconcileAwards(
    [...surviving.contributions, ...incoming],
    new Set([...incoming, ...withNewFoldedAwards(surviving.contributions, merged)].map(contributionKey)),
    model,
    folded,
  );
  const recordedAt = toIso(options.recordedAt);
  const ledger = ledgerChanges(surviving.contributions, contributions, {
    causeEventId: options.causeEventId,
    recordedAt,
    kindForNew: 'merged',
    mergedFromLeadId: merged.leadId,
  });
  const lifecycle = mergeLifecycles(surviving.lifecycle, merged.lifecycle);
  const events: LifecycleEvent[] =
    lifecycle.stage === surviving.lifecycle.stage
      ? []
      : [
          {
            type: 'stage_changed',
            from: surviving.lifecycle.stage,
            to: lifecycle.stage,
            at: recordedAt,
            reason: 'merged',
            detail: null,
          },
        ];
  return {
    state: {
      leadId: surviving.leadId,
      contributions,
      profile: combineProfiles(surviving.profile, merged.profile),
      profileAsOf: laterOf(surviving.profileAsOf, merged.profileAsOf),
      lifecycle,
      ...(folded === undefined ? {} : { folded }),
    },
    ledger,
    events,
  };
}

/** The survivor's contributions whose caps now also count the merged lead's folded awards. */
function withNewFoldedAwards(contributions: readonly Contribution[], merged: LeadState): Contribution[] {
  const foldedRules = new Set(merged.folded?.rules.map((rule) => rule.ruleId));
  return contributions.filter((contribution) => foldedRules.has(contribution.ruleId));
}

/** Qualification history is kept from both, so a merge never makes a lead qualify "for the first time" again. */
function mergeLifecycles(surviving: LifecycleState, merged: LifecycleState): LifecycleState {
  const winner = STAGE_RANK[merged.stage] > STAGE_RANK[surviving.stage] ? merged : surviving;
  return {
    ...winner,
    qualificationCount: Math.max(surviving.qualificationCount, merged.qualificationCount),
    lastQualifiedAt: laterOf(surviving.lastQualifiedAt, merged.lastQualifiedAt),
  };
}

function laterOf(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return toMillis(b) > toMillis(a) ? b : a;
}
