import type { RoutedLeadProfileV1, ScoreFactorV1 } from '@handoff/contracts';
import type { LeadToRoute, RoutingTrace } from '@handoff/domain-routing';
import type { AssignmentTrigger, RoutingPath, RoutingStrategy } from '@handoff/shared-vocabulary';

export const ASSIGNMENT_STATUSES = ['open', 'accepted', 'rejected', 'sla_missed', 'reassigned', 'won', 'lost'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** A live assignment holds the lead: the rep has it and has not given it back or closed it. */
export const LIVE_STATUSES: readonly AssignmentStatus[] = ['open', 'accepted'];
export const isLive = (status: AssignmentStatus): boolean => LIVE_STATUSES.includes(status);

/** What routing keeps about a qualified lead: the decision's input and what every lead.routed.v1 repeats. */
export interface QualifiedLead {
  route: LeadToRoute;
  profile: RoutedLeadProfileV1;
  topFactors: ScoreFactorV1[];
  /** The qualification's correlation id, carried on to every routed event of it. */
  correlationId?: string;
}

export type QualificationStatus = 'assigned' | 'queued' | 'closed';

export interface QueueEntry {
  poolId: string;
  since: string;
  /** What the next decision answers when someone becomes eligible. */
  trigger: AssignmentTrigger;
}

export interface QualificationRecord {
  qualificationId: string;
  leadId: string;
  qualifiedAt: string;
  receivedAt: string;
  lead: QualifiedLead;
  status: QualificationStatus;
  queue?: QueueEntry;
}

export interface AssignmentRecord {
  assignmentId: string;
  qualificationId: string;
  leadId: string;
  attempt: number;
  trigger: AssignmentTrigger;
  repId: string;
  teamId?: string;
  poolId: string;
  ruleId: string;
  strategy: RoutingStrategy;
  path: RoutingPath;
  reason: string;
  assignedAt: string;
  slaDueAt: string;
  status: AssignmentStatus;
  statusAt: string;
}

export interface DecisionRecord {
  qualificationId: string;
  leadId: string;
  assignmentId?: string;
  decidedAt: string;
  trigger: AssignmentTrigger;
  outcome: 'assigned' | 'queued';
  repId?: string;
  poolId: string;
  ruleId: string;
  ruleSetVersion: string;
  reason: string;
  trace: RoutingTrace;
}
