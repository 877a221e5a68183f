import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** First key of the vault's two-int4 advisory locks ('cont'), apart from the identity locks. */
const VAULT_LOCK_SPACE = 0x636f6e74;

export interface VaultRow {
  leadId: string;
  /** Null for a tombstone. */
  sealed: string | null;
  erasedAt: Date | null;
}

interface VaultRowRecord {
  lead_id: string;
  sealed: string | null;
  erased_at: Date | null;
}

/** The contact_vault table's SQL; every method runs on the caller's transaction manager. */
@Injectable()
export class ContactVaultStore {
  /** Transaction-scoped locks on the vault entries of `leadIds`, taken in sorted order, released at commit. */
  async lock(manager: EntityManager, leadIds: readonly string[]): Promise<void> {
    if (leadIds.length === 0) return;
    await manager.query(
      `SELECT count(pg_advisory_xact_lock($1, k))
       FROM (SELECT DISTINCT hashtext(id) AS k FROM unnest($2::text[]) AS id ORDER BY k) AS sorted`,
      [VAULT_LOCK_SPACE, leadIds],
    );
  }

  async rows(manager: EntityManager, leadIds: readonly string[]): Promise<VaultRow[]> {
    if (leadIds.length === 0) return [];
    const rows: VaultRowRecord[] = await manager.query(
      `SELECT lead_id, sealed, erased_at FROM contact_vault WHERE lead_id = ANY($1::uuid[])`,
      [leadIds],
    );
    return rows.map((row) => ({ leadId: row.lead_id, sealed: row.sealed, erasedAt: row.erased_at }));
  }

  /** Writes sealed entries; a tombstone is never overwritten (an erased lead stays erased). */
  async save(manager: EntityManager, entries: readonly { leadId: string; sealed: string }[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO contact_vault (lead_id, sealed)
       SELECT * FROM unnest($1::uuid[], $2::text[])
       ON CONFLICT (lead_id) DO UPDATE SET sealed = EXCLUDED.sealed, updated_at = now()
       WHERE contact_vault.erased_at IS NULL`,
      [entries.map((entry) => entry.leadId), entries.map((entry) => entry.sealed)],
    );
  }

  /** Drops the entries of leads whose details were folded into their survivor's entry. */
  async removeFolded(manager: EntityManager, leadIds: readonly string[]): Promise<void> {
    if (leadIds.length === 0) return;
    await manager.query(`DELETE FROM contact_vault WHERE lead_id = ANY($1::uuid[]) AND erased_at IS NULL`, [leadIds]);
  }

  /**
   * Replaces the entries of `leadIds` by tombstones (an entry erased before keeps its first erasure time);
   * returns the erasure time of each.
   */
  async erase(manager: EntityManager, leadIds: readonly string[]): Promise<Map<string, Date>> {
    const rows: { lead_id: string; erased_at: Date }[] = await manager.query(
      `INSERT INTO contact_vault (lead_id, sealed, erased_at)
       SELECT id, NULL, now() FROM unnest($1::uuid[]) AS id
       ON CONFLICT (lead_id) DO UPDATE SET sealed = NULL, updated_at = now(),
         erased_at = COALESCE(contact_vault.erased_at, EXCLUDED.erased_at)
       RETURNING lead_id, erased_at`,
      [leadIds],
    );
    return new Map(rows.map((row) => [row.lead_id, row.erased_at]));
  }
}
