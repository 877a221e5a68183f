import { Injectable } from '@nestjs/common';
import type { AssignmentTrigger } from '@handoff/shared-vocabulary';
import { DataSource } from 'typeorm';

/** A qualified lead no rep could take yet, with the decision that queued it. */
export interface QueuedLead {
  qualificationId: string;
  leadId: string;
  company?: string;
  companyDomain?: string;
  qualifiedAt: string;
  /** The pool it waits in. */
  poolId: string;
  queuedSince: string;
  /** What the assignment will answer when someone becomes eligible: the qualification, a rejection, a missed SLA… */
  trigger: AssignmentTrigger;
  /** The rule of the decision that queued it, and why nobody was chosen. */
  ruleId: string;
  reason: string;
}

export interface RoutingQueueView {
  /** Every lead waiting, however many `leads` lists. */
  total: number;
  /** Waiting longest first. */
  leads: QueuedLead[];
}

interface QueuedRow {
  qualification_id: string;
  lead_id: string;
  company: string | null;
  company_domain: string | null;
  qualified_at: Date;
  pool_id: string;
  queued_since: Date;
  queued_trigger: AssignmentTrigger | null;
  rule_id: string;
  reason: string;
}

/** Reads the leads waiting for a rep; never writes. */
@Injectable()
export class RoutingQueueReader {
  constructor(private readonly dataSource: DataSource) {}

  /** Both reads from one snapshot, so `total` counts the listed leads. */
  waiting(limit: number): Promise<RoutingQueueView> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      // Every queueing is recorded as a decision; it is found through its lead (the index routing_decisions has).
      const rows: QueuedRow[] = await manager.query(
        `SELECT q.qualification_id, q.lead_id, q.lead->'profile'->>'company' AS company,
           q.lead->'profile'->>'companyDomain' AS company_domain, q.qualified_at,
           COALESCE(q.queued_pool_id, d.pool_id) AS pool_id, COALESCE(q.queued_since, d.decided_at) AS queued_since,
           q.queued_trigger, d.rule_id, d.reason
         FROM qualifications q
         JOIN LATERAL (
           SELECT pool_id, rule_id, reason, decided_at FROM routing_decisions
           WHERE lead_id = q.lead_id AND qualification_id = q.qualification_id AND outcome = 'queued'
           ORDER BY decided_at DESC, id DESC LIMIT 1
         ) d ON true
         WHERE q.status = 'queued'
         ORDER BY q.queued_since, q.qualification_id LIMIT $1`,
        [limit],
      );
      const [{ total }]: { total: number }[] = await manager.query(
        `SELECT count(*)::int AS total FROM qualifications WHERE status = 'queued'`,
      );
      return { total, leads: rows.map(queuedLeadOf) };
    });
  }
}

function queuedLeadOf(row: QueuedRow): QueuedLead {
  return {
    qualificationId: row.qualification_id,
    leadId: row.lead_id,
    ...(row.company !== null && { company: row.company }),
    ...(row.company_domain !== null && { companyDomain: row.company_domain }),
    qualifiedAt: row.qualified_at.toISOString(),
    poolId: row.pool_id,
    queuedSince: row.queued_since.toISOString(),
    trigger: row.queued_trigger ?? 'qualified',
    ruleId: row.rule_id,
    reason: row.reason,
  };
}
