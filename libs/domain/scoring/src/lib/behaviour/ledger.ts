import type { Contribution, LedgerEntry, LedgerEntryKind } from '../state/lead-state';
import { toMillis } from '../time';
import { contributionKey } from './awards';
import { decayedPoints } from './decay';

export interface LedgerContext {
  causeEventId: string;
  recordedAt: string;
  /** Kind for contributions the lead did not have before: 'awarded' for an engagement, 'merged' for a merge. */
  kindForNew: Exclude<LedgerEntryKind, 'adjusted'>;
  mergedFromLeadId: string | null;
}

/** One entry per new contribution and per existing contribution whose award changed. */
export function ledgerChanges(
  before: readonly Contribution[],
  after: readonly Contribution[],
  context: LedgerContext,
): LedgerEntry[] {
  const previous = new Map(before.map((contribution) => [contributionKey(contribution), contribution.awarded]));
  return after.flatMap((contribution) => {
    const previousAwarded = previous.get(contributionKey(contribution));
    if (previousAwarded === undefined) return [entryFor(contribution, context.kindForNew, 0, context)];
    if (previousAwarded !== contribution.awarded) return [entryFor(contribution, 'adjusted', previousAwarded, context)];
    return [];
  });
}

function entryFor(
  contribution: Contribution,
  kind: LedgerEntryKind,
  previousAwarded: number,
  context: LedgerContext,
): LedgerEntry {
  return {
    kind,
    eventId: contribution.eventId,
    ruleId: contribution.ruleId,
    modelVersion: contribution.modelVersion,
    occurredAt: contribution.occurredAt,
    recordedAt: context.recordedAt,
    causeEventId: context.causeEventId,
    points: contribution.points,
    previousAwarded,
    awarded: contribution.awarded,
    pointsAfterDecay: decayedPoints(contribution, toMillis(context.recordedAt)),
    cap: contribution.cap,
    mergedFromLeadId: kind === 'merged' ? context.mergedFromLeadId : null,
  };
}
