import { Injectable } from '@nestjs/common';
import {
  capWindowOf,
  type LeadToRoute,
  type PoolStrategyState,
  type RepCapacity,
  type RepLoad,
  type RepProfile,
} from '@handoff/domain-routing';
import type { EntityManager } from 'typeorm';
import type { AssignmentRecord, DecisionRecord, QualificationRecord } from './assignment.types';
import { type AssignmentRow, assignmentOf, type QualificationRow, qualificationOf } from './assignment.rows';

/** Everything one transaction of decisions changed, written in a handful of statements. */
export interface RoutingChanges {
  qualifications: QualificationRecord[];
  /** Attempts made in this transaction. */
  newAssignments: AssignmentRecord[];
  /** Earlier attempts whose status changed (accepted, rejected, missed, closed). */
  changedAssignments: AssignmentRecord[];
  decisions: DecisionRecord[];
  poolStates: Map<string, PoolStrategyState>;
}

/** Longest wait for the decision lock: several chunks of other partitions and the rerouter may be ahead. */
const DECISION_LOCK_WAIT = '30s';

/**
 * Routing's books in SQL. Decisions are serialised per schema by one transaction-scoped advisory lock: a pool's
 * turn order, the reps' caps and the one-live-assignment rule all read what the previous decision wrote, so two
 * instances (or a consumer and the SLA timer) must never decide at once. The lock is held for a whole chunk
 * (`ROUTING_CHUNK_SIZE` decisions); its cost per lead is in README "Benchmarks" (`npm run bench:routing`).
 */
@Injectable()
export class AssignmentStore {
  /**
   * Waiting for the lock is normal (another partition's chunk is deciding), so the wait may outlast the pool's
   * short lock and statement timeouts, which are restored once the lock is held.
   */
  async lockDecisions(manager: EntityManager): Promise<void> {
    const [saved]: { lock: string; statement: string }[] = await manager.query(
      `SELECT current_setting('lock_timeout') AS lock, current_setting('statement_timeout') AS statement,
         set_config('lock_timeout', $1, true), set_config('statement_timeout', $1, true)`,
      [DECISION_LOCK_WAIT],
    );
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.routing-decisions'))`);
    await manager.query(`SELECT set_config('lock_timeout', $1, true), set_config('statement_timeout', $2, true)`, [
      saved.lock,
      saved.statement,
    ]);
  }

  /** Stores the qualifications not seen before and returns their ids; a known one keeps its first record. */
  async insertNew(manager: EntityManager, records: readonly QualificationRecord[]): Promise<Set<string>> {
    if (records.length === 0) return new Set();
    const rows: { qualification_id: string }[] = await manager.query(
      `INSERT INTO qualifications (qualification_id, lead_id, qualified_at, received_at, lead, status)
       SELECT q."qualificationId", q."leadId", q."qualifiedAt", q."receivedAt", q.lead, q.status
       FROM jsonb_to_recordset($1::jsonb) AS q("qualificationId" uuid, "leadId" uuid, "qualifiedAt" timestamptz,
         "receivedAt" timestamptz, lead jsonb, status text)
       ON CONFLICT (qualification_id) DO NOTHING
       RETURNING qualification_id`,
      [JSON.stringify(records)],
    );
    return new Set(rows.map((row) => row.qualification_id));
  }

  async qualifications(manager: EntityManager, ids: readonly string[]): Promise<QualificationRecord[]> {
    if (ids.length === 0) return [];
    const rows: QualificationRow[] = await manager.query(
      `SELECT * FROM qualifications WHERE qualification_id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map(qualificationOf);
  }

  /** The decision inputs of the `limit` qualifications received last, in the order they were received. */
  async recentLeads(manager: EntityManager, limit: number): Promise<LeadToRoute[]> {
    const rows: { route: LeadToRoute }[] = await manager.query(
      `SELECT route FROM (
         SELECT lead->'route' AS route, received_at, qualification_id FROM qualifications
         ORDER BY received_at DESC, qualification_id DESC LIMIT $1
       ) latest ORDER BY received_at, qualification_id`,
      [limit],
    );
    return rows.map((row) => row.route);
  }

  /** Every assignment of these qualifications, oldest attempt first. */
  async assignmentsOf(manager: EntityManager, qualificationIds: readonly string[]): Promise<AssignmentRecord[]> {
    if (qualificationIds.length === 0) return [];
    const rows: AssignmentRow[] = await manager.query(
      `SELECT * FROM assignments WHERE qualification_id = ANY($1::uuid[]) ORDER BY qualification_id, attempt`,
      [qualificationIds],
    );
    return rows.map(assignmentOf);
  }

  async liveAssignmentsOfLeads(manager: EntityManager, leadIds: readonly string[]): Promise<AssignmentRecord[]> {
    if (leadIds.length === 0) return [];
    const rows: AssignmentRow[] = await manager.query(
      `SELECT * FROM assignments WHERE lead_id = ANY($1::uuid[]) AND status IN ('open', 'accepted')
       ORDER BY assigned_at`,
      [leadIds],
    );
    return rows.map(assignmentOf);
  }

  /** Open assignments whose acceptance deadline passed, the longest overdue first. */
  async overdue(manager: EntityManager, now: string, limit: number): Promise<AssignmentRecord[]> {
    const rows: AssignmentRow[] = await manager.query(
      `SELECT * FROM assignments WHERE status = 'open' AND sla_due_at <= $1 ORDER BY sla_due_at LIMIT $2`,
      [now, limit],
    );
    return rows.map(assignmentOf);
  }

  /** Qualifications waiting for an eligible rep, the longest waiting first. */
  async queued(manager: EntityManager, limit: number): Promise<QualificationRecord[]> {
    const rows: QualificationRow[] = await manager.query(
      `SELECT * FROM qualifications WHERE status = 'queued' ORDER BY queued_since, qualification_id LIMIT $1`,
      [limit],
    );
    return rows.map(qualificationOf);
  }

  async queuedCount(manager: EntityManager): Promise<number> {
    const [row]: { count: string }[] = await manager.query(
      `SELECT count(*) AS count FROM qualifications WHERE status = 'queued'`,
    );
    return Number(row?.count ?? 0);
  }

  async poolStates(manager: EntityManager): Promise<Map<string, PoolStrategyState>> {
    const rows: { pool_id: string; state: PoolStrategyState }[] = await manager.query(
      `SELECT pool_id, state FROM pool_states`,
    );
    return new Map(rows.map((row) => [row.pool_id, row.state]));
  }

  async capacities(manager: EntityManager): Promise<RepCapacity[]> {
    const rows: {
      rep_id: string;
      remaining_lead_capacity: number;
      attainment_ratio: number;
      pace_gap: number;
      available: boolean;
    }[] = await manager.query(`SELECT * FROM rep_capacities ORDER BY rep_id`);
    return rows.map((row) => ({
      repId: row.rep_id,
      remainingLeadCapacity: row.remaining_lead_capacity,
      attainmentRatio: row.attainment_ratio,
      paceGap: row.pace_gap,
      available: row.available,
    }));
  }

  /**
   * Keeps the newest figures per rep: a record older than the stored one (a redelivery, a replay) changes nothing,
   * and of a chunk's records for one rep only the newest is written (one statement may not update a row twice).
   */
  async saveCapacities(manager: EntityManager, records: readonly (RepCapacity & { occurredAt: string })[]) {
    const capacities = newestPerRep(records);
    if (capacities.length === 0) return;
    await manager.query(
      `INSERT INTO rep_capacities (rep_id, remaining_lead_capacity, attainment_ratio, pace_gap, available, occurred_at)
       SELECT c."repId", c."remainingLeadCapacity", c."attainmentRatio", c."paceGap", c.available, c."occurredAt"
       FROM jsonb_to_recordset($1::jsonb) AS c("repId" text, "remainingLeadCapacity" float8,
         "attainmentRatio" float8, "paceGap" float8, available boolean, "occurredAt" timestamptz)
       ON CONFLICT (rep_id) DO UPDATE SET
         remaining_lead_capacity = EXCLUDED.remaining_lead_capacity, attainment_ratio = EXCLUDED.attainment_ratio,
         pace_gap = EXCLUDED.pace_gap, available = EXCLUDED.available, occurred_at = EXCLUDED.occurred_at
       WHERE rep_capacities.occurred_at <= EXCLUDED.occurred_at`,
      [JSON.stringify(capacities)],
    );
  }

  /** Each rep's counts against their caps (their own local day, the last 30 days) and their open leads. */
  async loads(manager: EntityManager, reps: readonly RepProfile[], now: string): Promise<RepLoad[]> {
    if (reps.length === 0) return [];
    const windows = reps.map((rep) => ({ repId: rep.id, ...capWindowOf(rep, now) }));
    const rows: { rep_id: string; today: string; last30: string; open: string }[] = await manager.query(
      `SELECT w."repId" AS rep_id,
         count(a.assignment_id) FILTER (WHERE a.assigned_at >= w."dayStart") AS today,
         count(a.assignment_id) FILTER (WHERE a.assigned_at >= w."rolling30Start") AS last30,
         count(a.assignment_id) FILTER (WHERE a.status IN ('open', 'accepted')) AS open
       FROM jsonb_to_recordset($1::jsonb) AS w("repId" text, "dayStart" timestamptz, "rolling30Start" timestamptz)
       LEFT JOIN assignments a
         ON a.rep_id = w."repId" AND (a.assigned_at >= w."rolling30Start" OR a.status IN ('open', 'accepted'))
       GROUP BY w."repId"`,
      [JSON.stringify(windows)],
    );
    return rows.map((row) => ({
      repId: row.rep_id,
      assignedToday: Number(row.today),
      assignedLast30Days: Number(row.last30),
      openLeads: Number(row.open),
    }));
  }

  async save(manager: EntityManager, changes: RoutingChanges): Promise<void> {
    await this.saveQualifications(manager, changes.qualifications);
    // Closing the old attempt first: the new live one would otherwise meet it in the one-live index.
    await this.saveStatusChanges(manager, changes.changedAssignments);
    await this.insertAssignments(manager, changes.newAssignments);
    await this.saveDecisions(manager, changes.decisions);
    await this.savePoolStates(manager, changes.poolStates);
  }

  private async saveQualifications(manager: EntityManager, records: readonly QualificationRecord[]): Promise<void> {
    if (records.length === 0) return;
    await manager.query(
      `UPDATE qualifications AS q SET status = c.status, queued_pool_id = c.queue->>'poolId',
         queued_since = (c.queue->>'since')::timestamptz, queued_trigger = c.queue->>'trigger'
       FROM jsonb_to_recordset($1::jsonb) AS c("qualificationId" uuid, status text, queue jsonb)
       WHERE q.qualification_id = c."qualificationId"`,
      [JSON.stringify(records.map(({ qualificationId, status, queue }) => ({ qualificationId, status, queue })))],
    );
  }

  private async saveStatusChanges(manager: EntityManager, records: readonly AssignmentRecord[]): Promise<void> {
    if (records.length === 0) return;
    await manager.query(
      `UPDATE assignments AS a SET status = c.status, status_at = c."statusAt"
       FROM jsonb_to_recordset($1::jsonb) AS c("assignmentId" uuid, status text, "statusAt" timestamptz)
       WHERE a.assignment_id = c."assignmentId"`,
      [JSON.stringify(records.map(({ assignmentId, status, statusAt }) => ({ assignmentId, status, statusAt })))],
    );
  }

  private async insertAssignments(manager: EntityManager, records: readonly AssignmentRecord[]): Promise<void> {
    if (records.length === 0) return;
    await manager.query(
      `INSERT INTO assignments (assignment_id, qualification_id, lead_id, attempt, trigger, rep_id, team_id, pool_id,
         rule_id, strategy, path, reason, assigned_at, sla_due_at, status, status_at)
       SELECT a."assignmentId", a."qualificationId", a."leadId", a.attempt, a.trigger, a."repId", a."teamId",
         a."poolId", a."ruleId", a.strategy, a.path, a.reason, a."assignedAt", a."slaDueAt", a.status, a."statusAt"
       FROM jsonb_to_recordset($1::jsonb) AS a("assignmentId" uuid, "qualificationId" uuid, "leadId" uuid,
         attempt int, trigger text, "repId" text, "teamId" text, "poolId" text, "ruleId" text, strategy text,
         path text, reason text, "assignedAt" timestamptz, "slaDueAt" timestamptz, status text,
         "statusAt" timestamptz)`,
      [JSON.stringify(records)],
    );
  }

  private async saveDecisions(manager: EntityManager, records: readonly DecisionRecord[]): Promise<void> {
    if (records.length === 0) return;
    await manager.query(
      `INSERT INTO routing_decisions (qualification_id, lead_id, assignment_id, decided_at, trigger, outcome, rep_id,
         pool_id, rule_id, rule_set_version, reason, trace)
       SELECT d."qualificationId", d."leadId", d."assignmentId", d."decidedAt", d.trigger, d.outcome, d."repId",
         d."poolId", d."ruleId", d."ruleSetVersion", d.reason, d.trace
       FROM jsonb_to_recordset($1::jsonb) AS d("qualificationId" uuid, "leadId" uuid, "assignmentId" uuid,
         "decidedAt" timestamptz, trigger text, outcome text, "repId" text, "poolId" text, "ruleId" text,
         "ruleSetVersion" text, reason text, trace jsonb)`,
      [JSON.stringify(records)],
    );
  }

  private async savePoolStates(manager: EntityManager, states: Map<string, PoolStrategyState>): Promise<void> {
    if (states.size === 0) return;
    await manager.query(
      `INSERT INTO pool_states (pool_id, state, updated_at)
       SELECT s."poolId", s.state, now() FROM jsonb_to_recordset($1::jsonb) AS s("poolId" text, state jsonb)
       ON CONFLICT (pool_id) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
      [JSON.stringify([...states].map(([poolId, state]) => ({ poolId, state })))],
    );
  }
}

/** The newest record of each rep (by occurredAt; of equal ones the later in the chunk, i.e. the later offset). */
export function newestPerRep<T extends { repId: string; occurredAt: string }>(records: readonly T[]): T[] {
  const newest = new Map<string, T>();
  for (const record of records) {
    const kept = newest.get(record.repId);
    if (!kept || Date.parse(record.occurredAt) >= Date.parse(kept.occurredAt)) newest.set(record.repId, record);
  }
  return [...newest.values()];
}
