import { Injectable } from '@nestjs/common';
import type { LeadState } from '@handoff/domain-scoring';
import type { Grade, LifecycleStage } from '@handoff/shared-vocabulary';
import { DataSource, type EntityManager } from 'typeorm';
import { NO_PREDICTION_INPUTS, type PredictionInputs } from '../prediction/live-prediction';
import { insertHandOffs, recordHandOffOutcomes } from './hand-off.writer';
import { insertHistory, insertLedger } from './ledger.writer';
import { insertStageChanges } from './stage-change.writer';
import type { LeadWrite, SessionChanges, StoredLead } from './scoring-session.types';

/** A lead row changed under us although we held its lock (or was created concurrently): retry the chunk. */
export class ConcurrentLeadUpdateError extends Error {
  constructor(expected: number, written: number) {
    super(`expected to write ${expected} lead state(s) but ${written} matched their version; retrying`);
    this.name = 'ConcurrentLeadUpdateError';
  }
}

interface LeadRow {
  lead_id: string;
  state: LeadState;
  version: number;
  stage: LifecycleStage;
  behaviour_score: number;
  fit_score: number;
  grade: Grade;
  merged_into: string | null;
  prediction: PredictionInputs | null;
}

const LEAD_COLUMNS = `lead_id, state, version, stage, behaviour_score, fit_score, grade, merged_into, prediction`;
/** Same bound as the session's: merge chains are short, a longer one means corrupt data. */
const MAX_LOCK_ROUNDS = 32;

/** Lead states, ledger and history of the scoring schema, in batched statements; writes join the caller's transaction. */
@Injectable()
export class LeadStateStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Locks the stored leads among `leadIds` and every lead they were merged into (followed to the end of the
   * chain), in lead id order per round so concurrent chunks queue up rather than deadlock. Leads without a row
   * are simply absent: a concurrent creation is caught by the version check when saving.
   */
  async lock(manager: EntityManager, leadIds: readonly string[]): Promise<StoredLead[]> {
    const loaded = new Map<string, StoredLead>();
    let wanted = sortedUnique(leadIds);
    for (let round = 0; wanted.length > 0; round++) {
      if (round >= MAX_LOCK_ROUNDS) throw new Error(`merge chain longer than ${MAX_LOCK_ROUNDS} leads`);
      const rows: LeadRow[] = await manager.query(
        `SELECT ${LEAD_COLUMNS} FROM lead_state WHERE lead_id = ANY($1::uuid[]) ORDER BY lead_id FOR UPDATE`,
        [wanted],
      );
      for (const row of rows) loaded.set(row.lead_id, storedLeadOf(row));
      wanted = sortedUnique(rows.flatMap((row) => (row.merged_into ? [row.merged_into] : []))).filter(
        (leadId) => !loaded.has(leadId),
      );
    }
    return [...loaded.values()];
  }

  /** MQLs due for the decay sweep; rows another replica is sweeping are skipped, not waited for. */
  async lockDue(manager: EntityManager, now: string, limit: number): Promise<StoredLead[]> {
    const rows: LeadRow[] = await manager.query(
      `SELECT ${LEAD_COLUMNS} FROM lead_state
       WHERE cold_at <= $1 AND merged_into IS NULL
       ORDER BY cold_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map(storedLeadOf);
  }

  /** Reads a lead without locking it (the score API). */
  async find(leadId: string): Promise<StoredLead | null> {
    const rows: LeadRow[] = await this.dataSource.query(`SELECT ${LEAD_COLUMNS} FROM lead_state WHERE lead_id = $1`, [
      leadId,
    ]);
    return rows.length === 0 ? null : storedLeadOf(rows[0]);
  }

  /** The lead's recorded engagements up to `at` (type and time), for a prediction as of then. */
  async engagementFacts(leadId: string, at: string): Promise<{ type: string; at: number }[]> {
    const rows: { type: string; occurred_at: Date }[] = await this.dataSource.query(
      `SELECT payload->>'type' AS type, occurred_at FROM lead_events
       WHERE lead_id = $1 AND kind = 'engagement' AND occurred_at <= $2`,
      [leadId, at],
    );
    return rows.map((row) => ({ type: row.type, at: row.occurred_at.getTime() }));
  }

  /** Writes everything the session changed but its outbox messages, which the caller stores with the rest. */
  async save(manager: EntityManager, changes: SessionChanges): Promise<void> {
    await this.writeLeads(manager, changes.leads);
    await insertLedger(manager, changes.ledger);
    await insertHistory(manager, changes.history);
    await insertStageChanges(manager, changes.stageChanges);
    await insertHandOffs(manager, changes.handOffs);
    await recordHandOffOutcomes(manager, changes.outcomes);
    for (const copy of changes.historyCopies) {
      await manager.query(
        `INSERT INTO lead_events (lead_id, event_id, kind, occurred_at, payload, applied_at)
         SELECT $2, event_id, kind, occurred_at, payload, applied_at FROM lead_events WHERE lead_id = $1 ORDER BY id
         ON CONFLICT (lead_id, event_id) DO NOTHING`,
        [copy.fromLeadId, copy.toLeadId],
      );
    }
  }

  /**
   * Deletes at most `limit` recorded inputs applied before `cutoff` and returns how many; rows another replica
   * is deleting are skipped (SKIP LOCKED), so replicas pruning at once split the work.
   */
  async pruneHistory(cutoff: string, limit: number): Promise<number> {
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM lead_events WHERE id IN (
         SELECT id FROM lead_events WHERE applied_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      [cutoff, limit],
    );
    return deleted;
  }

  /**
   * One upsert for all changed leads. The version check makes it optimistic for rows that did not exist when
   * the chunk started (nothing to lock then): a row created meanwhile fails the check and the chunk is retried.
   */
  private async writeLeads(manager: EntityManager, leads: readonly LeadWrite[]): Promise<void> {
    if (leads.length === 0) return;
    // The rows as one JSON parameter: each state is embedded, not escaped into a jsonb[] literal one by one.
    const written: unknown[] = await manager.query(
      `INSERT INTO lead_state
         (lead_id, state, version, stage, behaviour_score, fit_score, grade, model_version, merged_into, cold_at,
          prediction, qualified_at)
       SELECT l."leadId", l.state, l.version, l.snapshot->>'stage', (l.snapshot->>'behaviour')::float8,
         (l.snapshot->>'fitScore')::float8, l.snapshot->>'grade', l."modelVersion", l."mergedInto", l."coldAt",
         l.prediction, (l.state->'lifecycle'->>'lastQualifiedAt')::timestamptz
       FROM jsonb_to_recordset($1::jsonb) AS l("leadId" uuid, state jsonb, version int, snapshot jsonb,
         "modelVersion" text, "mergedInto" uuid, "coldAt" timestamptz, prediction jsonb)
       ON CONFLICT (lead_id) DO UPDATE SET
         state = EXCLUDED.state, version = EXCLUDED.version, stage = EXCLUDED.stage,
         behaviour_score = EXCLUDED.behaviour_score, fit_score = EXCLUDED.fit_score, grade = EXCLUDED.grade,
         model_version = EXCLUDED.model_version, merged_into = EXCLUDED.merged_into, cold_at = EXCLUDED.cold_at,
         prediction = EXCLUDED.prediction, qualified_at = EXCLUDED.qualified_at,
         updated_at = now()
       WHERE lead_state.version = EXCLUDED.version - 1
       RETURNING lead_id`,
      [JSON.stringify(leads)],
    );
    if (written.length !== leads.length) throw new ConcurrentLeadUpdateError(leads.length, written.length);
  }
}

function storedLeadOf(row: LeadRow): StoredLead {
  return {
    leadId: row.lead_id,
    state: row.state,
    version: row.version,
    mergedInto: row.merged_into,
    snapshot: { behaviour: row.behaviour_score, fitScore: row.fit_score, grade: row.grade, stage: row.stage },
    prediction: row.prediction ?? NO_PREDICTION_INPUTS,
  };
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values.map((value) => value.toLowerCase()))].sort();
}
