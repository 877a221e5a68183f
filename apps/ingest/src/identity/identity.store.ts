import type { ExistingLink, IdentityKey, MergeReason } from '@handoff/domain-identity';
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

interface LinkRow {
  kind: ExistingLink['kind'];
  value: string;
  lead_id: string;
  lead_created_at: Date;
}

// Deep enough for any chain: merges repoint links and shorten chains, so in practice there is one hop at most.
const MAX_MERGE_CHAIN = 16;

/**
 * The identity tables' SQL. Every method runs on the caller's transaction manager; unqualified table names
 * resolve to the service schema through the data source's search_path.
 */
export class IdentityStore {
  /**
   * Transaction-scoped advisory locks on `keys`, taken in sorted order by one statement (the sorted subquery
   * feeds the aggregate in order), released at commit or rollback.
   */
  static async lockKeys(manager: EntityManager, keys: readonly IdentityKey[]): Promise<void> {
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
  static async readLinks(manager: EntityManager, keys: readonly IdentityKey[]): Promise<ExistingLink[]> {
    if (keys.length === 0) return [];
    const rows: LinkRow[] = await manager.query(
      `WITH RECURSIVE matched AS (
         SELECT il.kind, il.value, il.lead_id
         FROM identity_links il
         JOIN unnest($1::varchar[], $2::text[]) AS k(kind, value) ON il.kind = k.kind AND il.value = k.value
       ),
       chain(start_id, id, merged_into, created_at, depth) AS (
         SELECT l.id, l.id, l.merged_into_lead_id, l.created_at, 0
         FROM leads l WHERE l.id IN (SELECT lead_id FROM matched)
         UNION ALL
         SELECT c.start_id, l.id, l.merged_into_lead_id, l.created_at, c.depth + 1
         FROM chain c JOIN leads l ON l.id = c.merged_into
         WHERE c.depth < $3
       ),
       roots AS (SELECT start_id, id AS root_id, created_at FROM chain WHERE merged_into IS NULL)
       SELECT m.kind, m.value, r.root_id AS lead_id, r.created_at AS lead_created_at
       FROM matched m JOIN roots r ON r.start_id = m.lead_id
       UNION
       SELECT il.kind, il.value, il.lead_id, r.created_at
       FROM (SELECT DISTINCT root_id, created_at FROM roots) r
       JOIN identity_links il ON il.lead_id = r.root_id AND il.kind <> 'anonymous'`,
      [keys.map((key) => key.kind), keys.map((key) => key.value), MAX_MERGE_CHAIN],
    );
    return rows.map((row) => ({
      kind: row.kind,
      value: row.value,
      leadId: row.lead_id,
      leadCreatedAt: row.lead_created_at,
    }));
  }

  /**
   * Creates a lead with its links in one statement; returns how many links were inserted (a key linked
   * meanwhile is left as it is). clock_timestamp, not now(): leads created in one transaction still get
   * distinct ages for the survivor rule.
   */
  static async createLead(manager: EntityManager, leadId: string, keys: readonly IdentityKey[]): Promise<number> {
    const inserted: unknown[] = await manager.query(
      `WITH lead AS (INSERT INTO leads (id, created_at) VALUES ($3, clock_timestamp()) RETURNING id)
       INSERT INTO identity_links (kind, value, lead_id)
       SELECT k.kind, k.value, lead.id FROM unnest($1::varchar[], $2::text[]) AS k(kind, value) CROSS JOIN lead
       ON CONFLICT (kind, value) DO NOTHING
       RETURNING kind`,
      [keys.map((key) => key.kind), keys.map((key) => key.value), leadId],
    );
    return inserted.length;
  }

  /**
   * Locks the leads until commit and tells whether all of them are still unmerged. `share` lets links be added
   * to a lead concurrently; `update` (merges) excludes them, so no link can be added to a lead while it is being
   * merged away. A row merged since it was read fails the re-check PostgreSQL applies after waiting.
   */
  static async lockLiveLeads(
    manager: EntityManager,
    leadIds: readonly string[],
    mode: 'share' | 'update',
  ): Promise<boolean> {
    const ids = [...new Set(leadIds)].sort();
    const rows: unknown[] = await manager.query(
      `SELECT id FROM leads
       WHERE id = ANY($1::uuid[]) AND merged_into_lead_id IS NULL
       ORDER BY id FOR ${mode === 'share' ? 'SHARE' : 'UPDATE'}`,
      [ids],
    );
    return rows.length === ids.length;
  }

  /** Links `keys` to the lead; returns how many were new (a key linked meanwhile is left as it is). */
  static async linkKeys(manager: EntityManager, leadId: string, keys: readonly IdentityKey[]): Promise<number> {
    if (keys.length === 0) return 0;
    const inserted: unknown[] = await manager.query(
      `INSERT INTO identity_links (kind, value, lead_id)
       SELECT k.kind, k.value, $3::uuid FROM unnest($1::varchar[], $2::text[]) AS k(kind, value)
       ON CONFLICT (kind, value) DO NOTHING
       RETURNING kind`,
      [keys.map((key) => key.kind), keys.map((key) => key.value), leadId],
    );
    return inserted.length;
  }

  /**
   * Folds the merged leads into the survivor: their links move to it, they point at it, and so do leads merged
   * into them earlier, which keeps every merge chain one hop long.
   */
  static async mergeLeads(
    manager: EntityManager,
    survivingLeadId: string,
    mergedLeadIds: readonly string[],
  ): Promise<void> {
    await manager.query(`UPDATE identity_links SET lead_id = $1 WHERE lead_id = ANY($2::uuid[])`, [
      survivingLeadId,
      mergedLeadIds,
    ]);
    await manager.query(
      `UPDATE leads SET merged_into_lead_id = $1, merged_at = COALESCE(merged_at, clock_timestamp())
       WHERE id = ANY($2::uuid[]) OR merged_into_lead_id = ANY($2::uuid[])`,
      [survivingLeadId, mergedLeadIds],
    );
  }

  static async recordMerges(manager: EntityManager, merges: readonly MergeRecord[]): Promise<void> {
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
}
