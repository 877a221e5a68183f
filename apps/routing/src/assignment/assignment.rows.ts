import type { AssignmentTrigger, RoutingPath, RoutingStrategy } from '@handoff/shared-vocabulary';
import type {
  AssignmentRecord,
  AssignmentStatus,
  QualificationRecord,
  QualificationStatus,
  QualifiedLead,
} from './assignment.types';

/** The columns of `qualifications` as pg returns them. */
export interface QualificationRow {
  qualification_id: string;
  lead_id: string;
  qualified_at: Date;
  received_at: Date;
  lead: QualifiedLead;
  status: QualificationStatus;
  queued_pool_id: string | null;
  queued_since: Date | null;
  queued_trigger: AssignmentTrigger | null;
}

/** The columns of `assignments` as pg returns them. */
export interface AssignmentRow {
  assignment_id: string;
  qualification_id: string;
  lead_id: string;
  attempt: number;
  trigger: AssignmentTrigger;
  rep_id: string;
  team_id: string | null;
  pool_id: string;
  rule_id: string;
  strategy: RoutingStrategy;
  path: RoutingPath;
  reason: string;
  assigned_at: Date;
  sla_due_at: Date;
  status: AssignmentStatus;
  status_at: Date;
}

export function qualificationOf(row: QualificationRow): QualificationRecord {
  return {
    qualificationId: row.qualification_id,
    leadId: row.lead_id,
    qualifiedAt: row.qualified_at.toISOString(),
    receivedAt: row.received_at.toISOString(),
    lead: row.lead,
    status: row.status,
    ...(row.queued_pool_id !== null &&
      row.queued_since !== null && {
        queue: {
          poolId: row.queued_pool_id,
          since: row.queued_since.toISOString(),
          trigger: row.queued_trigger ?? 'qualified',
        },
      }),
  };
}

export function assignmentOf(row: AssignmentRow): AssignmentRecord {
  return {
    assignmentId: row.assignment_id,
    qualificationId: row.qualification_id,
    leadId: row.lead_id,
    attempt: row.attempt,
    trigger: row.trigger,
    repId: row.rep_id,
    ...(row.team_id !== null && { teamId: row.team_id }),
    poolId: row.pool_id,
    ruleId: row.rule_id,
    strategy: row.strategy,
    path: row.path,
    reason: row.reason,
    assignedAt: row.assigned_at.toISOString(),
    slaDueAt: row.sla_due_at.toISOString(),
    status: row.status,
    statusAt: row.status_at.toISOString(),
  };
}
