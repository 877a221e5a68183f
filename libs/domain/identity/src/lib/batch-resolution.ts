import type { MergeReason } from '@handoff/shared-vocabulary';
import { type IdentityKey, identityKeyId, sameKey } from './identity-keys';
import { type ExistingLink, type ResolutionTrigger, planResolution } from './resolution-plan';

/** One item of a batch, as `planResolution` would see it on its own. */
export interface BatchItem {
  /** The keys whose links the item depends on; every one must have been looked up. */
  lookupKeys: readonly IdentityKey[];
  /** The keys the item resolves, given the links of its lookup keys (an alias picks its readings from them). */
  keysOf(links: readonly ExistingLink[]): IdentityKey[];
  trigger: ResolutionTrigger;
}

export interface BatchItemResolution {
  leadId: string;
  /** Leads this item merged into `leadId`. */
  mergedLeadIds: string[];
}

export interface BatchMerge {
  /** The item that caused the merge. */
  itemIndex: number;
  survivingLeadId: string;
  mergedLeadId: string;
  reason: MergeReason;
}

/** Where a lead ends up once the whole batch is applied: itself, or the lead it was merged into. */
export interface BatchLead {
  id: string;
  mergedIntoLeadId?: string;
}

/** A key and the lead it is linked to. */
export type BatchLink = IdentityKey & { leadId: string };

export interface BatchResolution {
  /** One per item, in input order, as resolving the items one at a time would answer. */
  resolutions: BatchItemResolution[];
  /** Leads the batch creates, oldest first: their stored ages must keep this order. */
  newLeads: BatchLead[];
  /** Keys the batch links, each to the lead it ends up on. */
  newLinks: BatchLink[];
  /** Stored leads the batch merges away, each with its final survivor (never itself merged). */
  mergedStoredLeads: Required<BatchLead>[];
  /** Every merge in the order the items caused them: one lead.merged.v1 each. */
  merges: BatchMerge[];
  /** Stored leads that merges involve: to be locked exclusively and found unmerged. */
  exclusiveLeadIds: string[];
  /** Other stored leads that gain links: to be locked against merges and found unmerged. */
  sharedLeadIds: string[];
}

interface LeadState {
  createdAtMicros: number;
  /** Its user and email links: they make it "known" for the survivor rule. */
  knownKeys: IdentityKey[];
  stored: boolean;
}

/**
 * Plans a batch in memory from the links stored for all its lookup keys, as if each item were resolved in turn
 * against the database as the earlier ones left it: `planResolution` decides each item, and the state it leaves
 * (new leads, new links, merges) is what the next item sees. The result says what to write in one go.
 *
 * `storedLinks` is what the identity store reads for the lookup keys: their links followed to surviving leads,
 * plus the user and email links of those leads. Leads created here are younger than every stored one and
 * ordered by creation, as leads created one at a time would be.
 */
export function planBatchResolution(
  items: readonly BatchItem[],
  storedLinks: readonly ExistingLink[],
  newLeadId: () => string,
): BatchResolution {
  const state = new BatchState(storedLinks, newLeadId);
  const resolutions = items.map((item, index) => state.apply(item, index));
  return { resolutions, ...state.writes() };
}

class BatchState {
  private readonly leadOfKey = new Map<string, string>();
  private readonly leads = new Map<string, LeadState>();
  private readonly mergedInto = new Map<string, string>();
  private readonly linkedKeys: IdentityKey[] = [];
  /** In creation order. */
  private readonly newLeadIds = new Set<string>();
  private readonly merges: BatchMerge[] = [];
  private readonly exclusive = new Set<string>();
  private readonly shared = new Set<string>();
  private readonly newestStoredAt: number;

  constructor(
    storedLinks: readonly ExistingLink[],
    private readonly newLeadId: () => string,
  ) {
    for (const link of storedLinks) {
      this.leadOfKey.set(identityKeyId(link), link.leadId);
      const lead = this.leads.get(link.leadId) ?? {
        createdAtMicros: link.leadCreatedAtMicros,
        knownKeys: [],
        stored: true,
      };
      if (link.kind !== 'anonymous' && !lead.knownKeys.some((key) => sameKey(key, link))) {
        lead.knownKeys.push({ kind: link.kind, value: link.value });
      }
      this.leads.set(link.leadId, lead);
    }
    this.newestStoredAt = Math.max(0, ...storedLinks.map((link) => link.leadCreatedAtMicros));
  }

  apply(item: BatchItem, itemIndex: number): BatchItemResolution {
    const keys = item.keysOf(this.linksOf(item.lookupKeys));
    const plan = planResolution(keys, this.linksOf(keys), item.trigger);
    switch (plan.kind) {
      case 'create':
        return { leadId: this.createLead(keys), mergedLeadIds: [] };
      case 'attach':
        if (plan.newKeys.length > 0 && this.leads.get(plan.leadId)?.stored) this.shared.add(plan.leadId);
        this.link(plan.leadId, plan.newKeys);
        return { leadId: plan.leadId, mergedLeadIds: [] };
      case 'merge':
        for (const mergedLeadId of plan.mergedLeadIds) {
          this.mergeLead(plan.survivingLeadId, mergedLeadId);
          this.merges.push({ itemIndex, survivingLeadId: plan.survivingLeadId, mergedLeadId, reason: plan.reason });
        }
        this.link(plan.survivingLeadId, plan.newKeys);
        return { leadId: plan.survivingLeadId, mergedLeadIds: [...plan.mergedLeadIds] };
    }
  }

  writes(): Omit<BatchResolution, 'resolutions'> {
    const storedMerged = [...this.mergedInto].filter(([leadId]) => !this.newLeadIds.has(leadId));
    return {
      newLeads: [...this.newLeadIds].map((id) => {
        const mergedIntoLeadId = this.mergedInto.get(id);
        return mergedIntoLeadId ? { id, mergedIntoLeadId } : { id };
      }),
      newLinks: this.linkedKeys.map((key) => ({ ...key, leadId: this.leadOfKey.get(identityKeyId(key)) as string })),
      mergedStoredLeads: storedMerged.map(([id, mergedIntoLeadId]) => ({ id, mergedIntoLeadId })),
      merges: this.merges,
      exclusiveLeadIds: [...this.exclusive],
      sharedLeadIds: [...this.shared].filter((id) => !this.exclusive.has(id)),
    };
  }

  /** The links of `keys` as they stand now, plus the known links of the leads they point at. */
  private linksOf(keys: readonly IdentityKey[]): ExistingLink[] {
    const links: ExistingLink[] = [];
    const leadIds = new Set<string>();
    for (const key of keys) {
      const leadId = this.leadOfKey.get(identityKeyId(key));
      if (leadId === undefined) continue;
      links.push(this.existingLink(key, leadId));
      leadIds.add(leadId);
    }
    for (const leadId of leadIds) {
      for (const key of this.leadState(leadId).knownKeys) links.push(this.existingLink(key, leadId));
    }
    return links;
  }

  private existingLink(key: IdentityKey, leadId: string): ExistingLink {
    return { kind: key.kind, value: key.value, leadId, leadCreatedAtMicros: this.leadState(leadId).createdAtMicros };
  }

  private createLead(keys: readonly IdentityKey[]): string {
    const id = this.newLeadId();
    this.newLeadIds.add(id);
    // Any instant after the stored leads, in creation order: only the order matters to the survivor rule.
    const createdAtMicros = this.newestStoredAt + this.newLeadIds.size;
    this.leads.set(id, { createdAtMicros, knownKeys: [], stored: false });
    this.link(id, keys);
    return id;
  }

  private link(leadId: string, keys: readonly IdentityKey[]): void {
    const lead = this.leadState(leadId);
    for (const key of keys) {
      const keyId = identityKeyId(key);
      if (this.leadOfKey.has(keyId)) continue;
      this.leadOfKey.set(keyId, leadId);
      this.linkedKeys.push(key);
      if (key.kind !== 'anonymous') lead.knownKeys.push(key);
    }
  }

  /** Moves everything of the merged lead to the survivor, and repoints leads merged into it before. */
  private mergeLead(survivingLeadId: string, mergedLeadId: string): void {
    for (const leadId of [survivingLeadId, mergedLeadId]) {
      if (this.leadState(leadId).stored) this.exclusive.add(leadId);
    }
    for (const [keyId, leadId] of this.leadOfKey) {
      if (leadId === mergedLeadId) this.leadOfKey.set(keyId, survivingLeadId);
    }
    for (const [leadId, into] of this.mergedInto) {
      if (into === mergedLeadId) this.mergedInto.set(leadId, survivingLeadId);
    }
    this.mergedInto.set(mergedLeadId, survivingLeadId);
    this.leadState(survivingLeadId).knownKeys.push(...this.leadState(mergedLeadId).knownKeys);
    this.leads.delete(mergedLeadId);
  }

  private leadState(leadId: string): LeadState {
    const lead = this.leads.get(leadId);
    if (!lead) throw new Error(`batch resolution lost track of lead ${leadId}`);
    return lead;
  }
}
