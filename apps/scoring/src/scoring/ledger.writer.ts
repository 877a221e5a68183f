import type { EntityManager } from 'typeorm';
import type { HistoryRow, LedgerRow } from './scoring-session.types';

/** Appends the chunk's ledger rows in one statement; ids follow the given order (WITH ORDINALITY). */
export async function insertLedger(manager: EntityManager, rows: readonly LedgerRow[]): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO score_ledger (lead_id, kind, event_id, cause_event_id, rule_id, model_version, occurred_at,
       recorded_at, points, previous_awarded, awarded, points_after_decay, cap, merged_from_lead_id)
     SELECT r.lead_id, r.kind, r.event_id, r.cause_event_id, r.rule_id, r.model_version, r.occurred_at,
       r.recorded_at, r.points, r.previous_awarded, r.awarded, r.points_after_decay, r.cap, r.merged_from_lead_id
     FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::timestamptz[],
       $8::timestamptz[], $9::float8[], $10::float8[], $11::float8[], $12::float8[], $13::text[], $14::uuid[])
       WITH ORDINALITY AS r(lead_id, kind, event_id, cause_event_id, rule_id, model_version, occurred_at,
         recorded_at, points, previous_awarded, awarded, points_after_decay, cap, merged_from_lead_id, position)
     ORDER BY r.position`,
    [
      rows.map((row) => row.leadId),
      rows.map((row) => row.kind),
      rows.map((row) => row.eventId),
      rows.map((row) => row.causeEventId),
      rows.map((row) => row.ruleId),
      rows.map((row) => row.modelVersion),
      rows.map((row) => row.occurredAt),
      rows.map((row) => row.recordedAt),
      rows.map((row) => row.points),
      rows.map((row) => row.previousAwarded),
      rows.map((row) => row.awarded),
      rows.map((row) => row.pointsAfterDecay),
      rows.map((row) => row.cap),
      rows.map((row) => row.mergedFromLeadId),
    ],
  );
}

/** Records the chunk's inputs per lead; an input a lead already has (e.g. copied over by a merge) is kept once. */
export async function insertHistory(manager: EntityManager, rows: readonly HistoryRow[]): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO lead_events (lead_id, event_id, kind, occurred_at, payload)
     SELECT h."leadId", h."eventId", h.kind, h."occurredAt", h.payload
     FROM ROWS FROM (jsonb_to_recordset($1::jsonb)
         AS ("leadId" uuid, "eventId" uuid, kind text, "occurredAt" timestamptz, payload jsonb))
       WITH ORDINALITY AS h("leadId", "eventId", kind, "occurredAt", payload, position)
     ORDER BY h.position
     ON CONFLICT (lead_id, event_id) DO NOTHING`,
    // The rows as one JSON parameter: payloads are embedded, not escaped into a jsonb[] literal one by one.
    [JSON.stringify(rows)],
  );
}
