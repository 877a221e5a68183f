import type { EntityManager } from 'typeorm';
import type { StageChangeRow } from './scoring-session.types';

/** Appends the chunk's stage changes in one statement; ids follow the order they happened in (WITH ORDINALITY). */
export async function insertStageChanges(manager: EntityManager, rows: readonly StageChangeRow[]): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO lead_stage_changes (lead_id, from_stage, to_stage, changed_at, reason, detail)
     SELECT c.lead_id, c.from_stage, c.to_stage, c.changed_at, c.reason, c.detail
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[])
       WITH ORDINALITY AS c(lead_id, from_stage, to_stage, changed_at, reason, detail, position)
     ORDER BY c.position`,
    [
      rows.map((row) => row.leadId),
      rows.map((row) => row.from),
      rows.map((row) => row.to),
      rows.map((row) => row.at),
      rows.map((row) => row.reason),
      rows.map((row) => row.detail),
    ],
  );
}
