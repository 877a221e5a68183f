import type { EntityManager } from 'typeorm';
import type { HandOffOutcomeRow, HandOffRow } from './scoring-session.types';

/** Records the chunk's qualifications; a redelivered chunk was skipped by the inbox, so a conflict is not expected. */
export async function insertHandOffs(manager: EntityManager, rows: readonly HandOffRow[]): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO lead_handoffs (lead_id, qualification_number, handed_at, snapshot)
     SELECT h."leadId", h."qualificationNumber", h."handedAt", h.snapshot
     FROM jsonb_to_recordset($1::jsonb)
       AS h("leadId" uuid, "qualificationNumber" int, "handedAt" timestamptz, snapshot jsonb)
     ON CONFLICT (lead_id, qualification_number) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}

/**
 * Labels each lead's latest hand-off that has no outcome yet, in the chunk's order (after this chunk's own
 * hand-offs were inserted): the first verdict after a qualification is the one the model learns from.
 */
export async function recordHandOffOutcomes(manager: EntityManager, rows: readonly HandOffOutcomeRow[]): Promise<void> {
  for (const row of rows) {
    await manager.query(
      `UPDATE lead_handoffs SET outcome = $2, outcome_at = $3
       WHERE lead_id = $1 AND outcome IS NULL
         AND qualification_number = (SELECT max(qualification_number) FROM lead_handoffs WHERE lead_id = $1)`,
      [row.leadId, row.outcome, row.at],
    );
  }
}
