import type { MergeReason } from '@handoff/shared-vocabulary';
import { type IdentityKey, identityKeyId } from './identity-keys';

/** The kind of call being resolved: any event, a Segment identify, or a Segment alias. */
export type ResolutionTrigger = 'event' | 'identify' | 'alias';

/** A stored identity link, with the lead it points at already followed to the surviving lead. */
export interface ExistingLink extends IdentityKey {
  leadId: string;
  /**
   * When the lead was created, in microseconds since the epoch: the database's own precision, since leads created
   * by one statement are microseconds apart and the survivor rule must still tell the older.
   */
  leadCreatedAtMicros: number;
}

export type ResolutionPlan =
  | { kind: 'create' }
  | { kind: 'attach'; leadId: string; newKeys: IdentityKey[] }
  | { kind: 'merge'; survivingLeadId: string; mergedLeadIds: string[]; newKeys: IdentityKey[]; reason: MergeReason };

interface CandidateLead {
  id: string;
  createdAtMicros: number;
  /** Has a user id or email link: a known person, as opposed to an anonymous visitor. */
  known: boolean;
  /** Its user ids: the identities the customer's own systems assign, one per person. */
  userIds: Set<string>;
}

/**
 * Decides what resolving `keys` does, from the links stored for them. `existingLinks` holds the links of
 * `keys`, and may also hold other links of the leads those point at: the user and email links among them
 * make a lead "known" for the survivor rule. Links of `keys` that are absent are `newKeys`, to be linked.
 *
 * - no key linked: create a lead for all keys;
 * - the linked keys point at one lead: attach to it;
 * - they point at several: merge them. The survivor is a known lead before an anonymous-only one, then the
 *   oldest, then the smallest id, so concurrent resolutions of the same keys always pick the same lead.
 *
 * Two different user ids are two people (a shared computer, a colleague forwarding an email), so outside an
 * alias, which says outright that two ids are one person, a lead is never joined with a lead or a user id that
 * names someone else. Such a lead keeps its links; when every linked lead belongs to another user, the keys
 * that are not linked yet start a new lead.
 */
export function planResolution(
  keys: readonly IdentityKey[],
  existingLinks: readonly ExistingLink[],
  trigger: ResolutionTrigger,
): ResolutionPlan {
  const linkOf = new Map(existingLinks.map((link) => [identityKeyId(link), link]));
  const linkedKeys = uniqueKeys(keys).filter((key) => linkOf.has(identityKeyId(key)));
  const newKeys = uniqueKeys(keys).filter((key) => !linkOf.has(identityKeyId(key)));
  if (linkedKeys.length === 0) return { kind: 'create' };

  const leadIds = new Set(linkedKeys.map((key) => linkOf.get(identityKeyId(key))?.leadId));
  const ranked = candidateLeads(existingLinks)
    .filter((lead) => leadIds.has(lead.id))
    .sort(bySurvivorRank);
  const namedUserIds = keys.filter((key) => key.kind === 'user').map((key) => key.value);
  const [survivor, ...merged] = trigger === 'alias' ? ranked : samePerson(ranked, namedUserIds);
  if (survivor === undefined) return { kind: 'create' };
  if (merged.length === 0) return { kind: 'attach', leadId: survivor.id, newKeys };
  return {
    kind: 'merge',
    survivingLeadId: survivor.id,
    mergedLeadIds: merged.map((lead) => lead.id),
    newKeys,
    reason: mergeReasonOf(trigger, linkedKeys),
  };
}

/**
 * The candidates, best first, that can be one person with the user id the call names (if any) and with each
 * other: a candidate with user ids, none of them among those already taken, is someone else and is left out.
 * (A lead holding several user ids got them from an alias, so they are one person.)
 */
function samePerson(ranked: readonly CandidateLead[], namedUserIds: readonly string[]): CandidateLead[] {
  const userIds = new Set(namedUserIds);
  const kept: CandidateLead[] = [];
  for (const lead of ranked) {
    const leadUserIds = [...lead.userIds];
    const someoneElse = userIds.size > 0 && leadUserIds.length > 0 && !leadUserIds.some((id) => userIds.has(id));
    if (someoneElse) continue;
    leadUserIds.forEach((id) => userIds.add(id));
    kept.push(lead);
  }
  return kept;
}

/**
 * Identify and alias calls name their own reason. A plain event that joins two leads either shares a known
 * email with one of them (`email_match`) or carries both an anonymous and a user id, which Segment treats as
 * an implicit identify.
 */
function mergeReasonOf(trigger: ResolutionTrigger, linkedKeys: readonly IdentityKey[]): MergeReason {
  if (trigger !== 'event') return trigger;
  return linkedKeys.some((key) => key.kind === 'email') ? 'email_match' : 'identify';
}

function candidateLeads(links: readonly ExistingLink[]): CandidateLead[] {
  const leads = new Map<string, CandidateLead>();
  for (const link of links) {
    const lead = leads.get(link.leadId) ?? {
      id: link.leadId,
      createdAtMicros: link.leadCreatedAtMicros,
      known: false,
      userIds: new Set<string>(),
    };
    lead.known ||= link.kind !== 'anonymous';
    if (link.kind === 'user') lead.userIds.add(link.value);
    leads.set(link.leadId, lead);
  }
  return [...leads.values()];
}

function bySurvivorRank(a: CandidateLead, b: CandidateLead): number {
  if (a.known !== b.known) return a.known ? -1 : 1;
  const age = a.createdAtMicros - b.createdAtMicros;
  if (age !== 0) return age;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function uniqueKeys(keys: readonly IdentityKey[]): IdentityKey[] {
  const seen = new Set<string>();
  return keys.filter((key) => {
    const id = identityKeyId(key);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
