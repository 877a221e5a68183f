import { storedIdOf } from '@handoff/domain-identity';
import type { MigrationInterface, QueryRunner } from 'typeorm';

interface ClearIdRow {
  kind: string;
  value: string;
}

/**
 * Anonymous and user ids that are email addresses, stored in clear before ids were hashed, become the digest
 * `storedIdOf` gives them (plus tags kept: see README "Personal data and the contact vault"). Two spellings
 * of one address linked to different leads collapse into one link, kept on the lead linked first.
 * Idempotent: a digest is not an address, so a second run finds nothing to hash.
 */
export class EmailIdsHashed1765100000000 implements MigrationInterface {
  readonly name = 'EmailIdsHashed1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const rows: ClearIdRow[] = await queryRunner.query(
      `SELECT kind, value FROM identity_links WHERE kind IN ('anonymous', 'user') AND value LIKE '%@%'`,
    );
    const hashed = rows
      .map((row) => ({ ...row, stored: storedIdOf(row.value, { stripPlusTag: false }) }))
      .filter((row) => row.stored !== undefined && row.stored !== row.value);
    if (hashed.length === 0) return;
    await queryRunner.query(
      `WITH h AS (SELECT * FROM unnest($1::varchar[], $2::text[], $3::text[]) AS h(kind, value, stored)),
       moved AS (
         DELETE FROM identity_links il USING h WHERE il.kind = h.kind AND il.value = h.value
         RETURNING il.kind, il.value, il.lead_id, il.created_at
       )
       INSERT INTO identity_links (kind, value, lead_id, created_at)
       SELECT moved.kind, h.stored, moved.lead_id, moved.created_at
       FROM moved JOIN h ON h.kind = moved.kind AND h.value = moved.value
       ORDER BY moved.created_at
       ON CONFLICT (kind, value) DO NOTHING`,
      [hashed.map((row) => row.kind), hashed.map((row) => row.value), hashed.map((row) => row.stored)],
    );
  }

  /** Digests cannot be turned back into addresses. */
  async down(): Promise<void> {
    return;
  }
}
