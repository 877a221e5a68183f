import { Injectable } from '@nestjs/common';
import type { RoutingTrace } from '@handoff/domain-routing';
import { DataSource } from 'typeorm';
import { type AssignmentRow, assignmentOf } from '../assignment/assignment.rows';
import type { AssignmentRecord, DecisionRecord } from '../assignment/assignment.types';

/** The columns of `routing_decisions` as pg returns them. */
interface DecisionRow {
  qualification_id: string;
  lead_id: string;
  assignment_id: string | null;
  decided_at: Date;
  trigger: DecisionRecord['trigger'];
  outcome: DecisionRecord['outcome'];
  rep_id: string | null;
  pool_id: string;
  rule_id: string;
  rule_set_version: string;
  reason: string;
  trace: RoutingTrace;
}

/** Everything routing decided about one lead. */
export interface LeadRouting {
  leadId: string;
  /** In the order they were made. */
  decisions: DecisionRecord[];
  /** Oldest first. */
  assignments: AssignmentRecord[];
}

/** Reads what routing decided about a lead; never writes. */
@Injectable()
export class LeadRoutingReader {
  constructor(private readonly dataSource: DataSource) {}

  /** Decisions and assignments from one snapshot, so each decision's assignment is there. */
  read(leadId: string): Promise<LeadRouting> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const decisions: DecisionRow[] = await manager.query(
        `SELECT * FROM routing_decisions WHERE lead_id = $1 ORDER BY decided_at, id`,
        [leadId],
      );
      const assignments: AssignmentRow[] = await manager.query(
        `SELECT * FROM assignments WHERE lead_id = $1 ORDER BY assigned_at, attempt`,
        [leadId],
      );
      return { leadId, decisions: decisions.map(decisionOf), assignments: assignments.map(assignmentOf) };
    });
  }
}

function decisionOf(row: DecisionRow): DecisionRecord {
  return {
    qualificationId: row.qualification_id,
    leadId: row.lead_id,
    ...(row.assignment_id !== null && { assignmentId: row.assignment_id }),
    decidedAt: row.decided_at.toISOString(),
    trigger: row.trigger,
    outcome: row.outcome,
    ...(row.rep_id !== null && { repId: row.rep_id }),
    poolId: row.pool_id,
    ruleId: row.rule_id,
    ruleSetVersion: row.rule_set_version,
    reason: row.reason,
    trace: row.trace,
  };
}
