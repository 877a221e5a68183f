import { Injectable } from '@nestjs/common';
import type { FairnessInput } from '@handoff/domain-routing';
import type { EntityManager } from 'typeorm';

/** A pool's assignments over a window, as the fairness report reads them. */
@Injectable()
export class PoolAssignmentsReader {
  /**
   * Each assignment made by the pool in `[from, to)`, with how long its lead had waited in the queue: from the
   * decision that queued it (only the first decision of a wait is recorded) to the assignment, when the decision
   * just before the assigning one was that queueing.
   */
  async inWindow(
    manager: EntityManager,
    poolId: string,
    from: string,
    to: string,
  ): Promise<FairnessInput['assignments']> {
    const rows: { repId: string; queuedMs: number | null }[] = await manager.query(
      `SELECT a.rep_id AS "repId",
         (EXTRACT(EPOCH FROM a.assigned_at - waited.decided_at) * 1000)::float8 AS "queuedMs"
       FROM assignments a
       JOIN routing_decisions d ON d.lead_id = a.lead_id AND d.assignment_id = a.assignment_id
       LEFT JOIN LATERAL (
         SELECT p.outcome, p.decided_at FROM routing_decisions p
         WHERE p.lead_id = a.lead_id AND p.qualification_id = a.qualification_id AND p.id < d.id
         ORDER BY p.id DESC LIMIT 1
       ) waited ON waited.outcome = 'queued'
       WHERE a.pool_id = $1 AND a.assigned_at >= $2 AND a.assigned_at < $3`,
      [poolId, from, to],
    );
    return rows.map(({ repId, queuedMs }) => (queuedMs === null ? { repId } : { repId, queuedMs }));
  }
}
