import { Injectable } from '@nestjs/common';
import type { BatchLead, BatchLink, ExistingLink, IdentityKey } from '@handoff/domain-identity';
import type { MergeReason } from '@handoff/shared-vocabulary';
import type { EntityManager } from 'typeorm';
import { IDENTITY_LOCK_SPACE, identityLockKeys } from './identity-lock.util';

export interface MergeRecord {
  id: string;
  survivingLeadId: string;
  mergedLeadId: string;
  reason: MergeReason;
  eventId: string;
  occurredAt: string;
}

/** A lead, the lead it survives as (itself unless merged) and every lead of that survivor (survivor included). */
export interface LeadGroup {
  leadId: string;
  survivorId: string;
  memberIds: string[];
}

interface LeadGroupRow {
  lead_id: string;
  survivor_id: string;
  member_ids: string[];
}

interface LinkRow {
  kind: ExistingLink['kind'];
  value: string;
  lead_id: string;
  /** int8 arrives as a string. */
  lead_created_at_micros: string;
}

// Deep enough for any chain: merges repoint links and shorten chains, so in practice there is one hop at most.
const MAX_MERGE_CHAIN = 16;

/**
 * The identity tables' SQL. Every method runs on the caller's transaction manager; unqualified table names
 * resolve to the service schema through the data source's search_path.
 */
@Injectable()
export class IdentityStore {
  /**
   * Transaction-scoped advisory locks on `keys`, taken in sorted order by one statement (the sorted subquery
   * feeds the aggregate in order), released at commit or rollback.
   */
  async lockKeys(manager: EntityManager, keys: readonly IdentityKey[]): Promise<void> {
    const lockKeys = identityLockKeys(keys);
    if (lockKeys.length === 0) return;
    await manager.query(
      `SELECT count(pg_advisory_xact_lock($1, k))
       FROM (SELECT k FROM unnest($2::int4[]) AS k ORDER BY k) AS sorted`,
      [IDENTITY_LOCK_SPACE, lockKeys],
    );
  }

  /**
   * The links of `keys`, each with the lead it points at followed through merges to the surviving lead,
   * plus the user and email links of those surviving leads (they make a lead "known" for the survivor rule).
   */
  async readLinks(manager: EntityManager, keys: readonly IdentityKey[]): Promise<ExistingLink[]> {
    if (keys.length === 0) return [];
    const rows: LinkRow[] = await manager.query(
      `WITH RECURSIVE chain(kind, value, id, merged_into, created_at, depth) AS (
         SELECT il.kind, il.value, l.id, l.merged_into_lead_id, l.created_at, 0
         FROM unnest($1::varchar[], $2::text[]) AS k(kind, value)
         JOIN identity_links il ON il.kind = k.kind AND il.value = k.value
         JOIN leads l ON l.id = il.lead_id
         UNION ALL
         SELECT c.kind, c.value, l.id, l.merged_into_lead_id, l.created_at, c.depth + 1
         FROM chain c JOIN leads l ON l.id = c.merged_into
         WHERE c.depth < $3
       ),
       roots AS (
         SELECT kind, value, id AS root_id, (extract(epoch FROM created_at) * 1000000)::int8 AS created_at_micros
         FROM chain WHERE merged_into IS NULL
       )
       SELECT kind, value, root_id AS lead_id, created_at_micros AS lead_created_at_micros FROM roots
       UNION
       SELECT il.kind, il.value, il.lead_id, r.created_at_micros
       FROM (SELECT DISTINCT root_id, created_at_micros FROM roots) r
       JOIN identity_links il ON il.lead_id = r.root_id AND il.kind <> 'anonymous'`,
      [keys.map((key) => key.kind), keys.map((key) => key.value), MAX_MERGE_CHAIN],
    );
    return rows.map((row) => ({
      kind: row.kind,
      value: row.value,
      leadId: row.lead_id,
      leadCreatedAtMicros: Number(row.lead_created_at_micros),
    }));
  }

  /**
   * Creates the leads and links the keys in one statement; returns how many links were inserted (a key linked
   * meanwhile is left as it is). Leads come oldest first: clock_timestamp() plus their position keeps their
   * ages in that order for the survivor rule, even within one clock tick. A lead already merged into another
   * (by a later item of the same batch) is written merged.
   */
  async createLeadsAndLinks(
    manager: EntityManager,
    leads: readonly BatchLead[],
    links: readonly BatchLink[],
  ): Promise<number> {
    if (leads.length === 0 && links.length === 0) return 0;
    const inserted: unknown[] = await manager.query(
      `WITH new_leads AS (
         INSERT INTO leads (id, created_at, merged_into_lead_id, merged_at)
         SELECT n.id, clock_timestamp() + n.position * interval '1 microsecond', n.merged_into,
                CASE WHEN n.merged_into IS NULL THEN NULL ELSE clock_timestamp() END
         FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS n(id, merged_into, position)
       )
       INSERT INTO identity_links (kind, value, lead_id)
       SELECT k.kind, k.value, k.lead_id FROM unnest($3::varchar[], $4::text[], $5::uuid[]) AS k(kind, value, lead_id)
       ON CONFLICT (kind, value) DO NOTHING
       RETURNING kind`,
      [
        leads.map((lead) => lead.id),
        leads.map((lead) => lead.mergedIntoLeadId ?? null),
        links.map((link) => link.kind),
        links.map((link) => link.value),
        links.map((link) => link.leadId),
      ],
    );
    return inserted.length;
  }

  /**
   * Locks the leads until commit and tells whether all of them are still unmerged. `share` lets links be added
   * to a lead concurrently; `update` (merges) excludes them, so no link can be added to a lead while it is being
   * merged away. A row merged since it was read fails the re-check PostgreSQL applies after waiting.
   */
  async lockLiveLeads(manager: EntityManager, leadIds: readonly string[], mode: 'share' | 'update'): Promise<boolean> {
    const ids = [...new Set(leadIds)].sort();
    const rows: unknown[] = await manager.query(
      `SELECT id FROM leads
       WHERE id = ANY($1::uuid[]) AND merged_into_lead_id IS NULL
       ORDER BY id FOR ${mode === 'share' ? 'SHARE' : 'UPDATE'}`,
      [ids],
    );
    return rows.length === ids.length;
  }

  /**
   * Folds each merged lead into its survivor: its links move to it, it points at it, and so do leads merged into
   * it earlier, which keeps every merge chain one hop long. Survivors are final (never merged themselves), so
   * each row matches one pair at most.
   */
  async mergeLeads(manager: EntityManager, merged: readonly Required<BatchLead>[]): Promise<void> {
    if (merged.length === 0) return;
    await manager.query(
      `WITH pairs AS (SELECT * FROM unnest($1::uuid[], $2::uuid[]) AS p(merged_id, surviving_id)),
       moved AS (
         UPDATE identity_links il SET lead_id = pairs.surviving_id FROM pairs WHERE il.lead_id = pairs.merged_id
       )
       UPDATE leads l SET merged_into_lead_id = pairs.surviving_id,
                          merged_at = COALESCE(l.merged_at, clock_timestamp())
       FROM pairs WHERE l.id = pairs.merged_id OR l.merged_into_lead_id = pairs.merged_id`,
      [merged.map((lead) => lead.id), merged.map((lead) => lead.mergedIntoLeadId)],
    );
  }

  async recordMerges(manager: EntityManager, merges: readonly MergeRecord[]): Promise<void> {
    if (merges.length === 0) return;
    await manager.query(
      `INSERT INTO lead_merges (id, surviving_lead_id, merged_lead_id, reason, event_id, occurred_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::uuid[], $6::timestamptz[])`,
      [
        merges.map((merge) => merge.id),
        merges.map((merge) => merge.survivingLeadId),
        merges.map((merge) => merge.mergedLeadId),
        merges.map((merge) => merge.reason),
        merges.map((merge) => merge.eventId),
        merges.map((merge) => merge.occurredAt),
      ],
    );
  }

  /** The group of each known lead of `leadIds` (unknown ids have none); merge chains are one hop long. */
  async leadGroups(manager: EntityManager, leadIds: readonly string[]): Promise<LeadGroup[]> {
    if (leadIds.length === 0) return [];
    const rows: LeadGroupRow[] = await manager.query(
      `SELECT r.id AS lead_id, r.survivor AS survivor_id, array_agg(l.id ORDER BY l.id) AS member_ids
       FROM (SELECT id, COALESCE(merged_into_lead_id, id) AS survivor FROM leads WHERE id = ANY($1::uuid[])) r
       JOIN leads l ON l.id = r.survivor OR l.merged_into_lead_id = r.survivor
       GROUP BY r.id, r.survivor`,
      [[...new Set(leadIds)]],
    );
    return rows.map((row) => ({ leadId: row.lead_id, survivorId: row.survivor_id, memberIds: row.member_ids }));
  }

  /**
   * Removes the links of `leadIds` derived from an email (email keys, and ids that were addresses, stored as the
   * same 64-hex digest); returns how many. Other ids stay, so the leads' later events still find them.
   */
  async removeEmailLinks(manager: EntityManager, leadIds: readonly string[]): Promise<number> {
    // A SELECT around the DELETE: TypeORM answers a bare DELETE with [rows, count] instead of rows.
    const [{ n }]: { n: number }[] = await manager.query(
      `WITH removed AS (
         DELETE FROM identity_links
         WHERE lead_id = ANY($1::uuid[]) AND (kind = 'email' OR value ~ '^[0-9a-f]{64}$')
         RETURNING kind
       )
       SELECT count(*)::int AS n FROM removed`,
      [leadIds],
    );
    return n;
  }
}
