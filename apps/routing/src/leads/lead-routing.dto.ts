import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ASSIGNMENT_TRIGGERS,
  type AssignmentTrigger,
  ROUTING_PATHS,
  ROUTING_STRATEGIES,
  type RoutingPath,
  type RoutingStrategy,
} from '@handoff/shared-vocabulary';
import {
  ASSIGNMENT_STATUSES,
  type AssignmentRecord,
  type AssignmentStatus,
  type DecisionRecord,
} from '../assignment/assignment.types';
import type { LeadRouting } from './lead-routing.reader';
import { RoutingTraceDto } from './routing-trace.dto';

const DECISION_OUTCOMES: DecisionRecord['outcome'][] = ['assigned', 'queued'];

/** One decision about a lead: where it went (or that it waited) and the full trace of why. */
export class RoutingDecisionDto implements DecisionRecord {
  @ApiProperty({ format: 'uuid', description: 'The lead.qualified event the decision answers' })
  qualificationId!: string;

  @ApiProperty({ format: 'uuid' })
  leadId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Assigned: the assignment it made' })
  assignmentId?: string;

  @ApiProperty({ format: 'date-time' })
  decidedAt!: string;

  @ApiProperty({ enum: ASSIGNMENT_TRIGGERS, description: 'What asked for the decision' })
  trigger!: AssignmentTrigger;

  @ApiProperty({ enum: DECISION_OUTCOMES, description: 'queued: nobody was eligible, the lead waited in the pool' })
  outcome!: DecisionRecord['outcome'];

  @ApiPropertyOptional({ example: 'ana-silva', description: 'Assigned: the rep' })
  repId?: string;

  @ApiProperty({ example: 'emea-inbound' })
  poolId!: string;

  @ApiProperty({ example: 'enterprise-dach', description: 'The matched rule, or fallback' })
  ruleId!: string;

  @ApiProperty({ example: '2026-03', description: 'The rule set version the decision ran under' })
  ruleSetVersion!: string;

  @ApiProperty({
    example:
      'Rule enterprise-dach matched (territory dach, 1200 employees); weighted round robin picked Ana Silva ' +
      '(credit 2.5, 4 eligible)',
  })
  reason!: string;

  @ApiProperty({ type: RoutingTraceDto })
  trace!: RoutingTraceDto;
}

/** One attempt to hand the lead to a rep, and where it stands. */
export class AssignmentDto implements AssignmentRecord {
  @ApiProperty({ format: 'uuid' })
  assignmentId!: string;

  @ApiProperty({ format: 'uuid' })
  qualificationId!: string;

  @ApiProperty({ format: 'uuid' })
  leadId!: string;

  @ApiProperty({ minimum: 1, description: 'The qualification’s attempt number' })
  attempt!: number;

  @ApiProperty({ enum: ASSIGNMENT_TRIGGERS })
  trigger!: AssignmentTrigger;

  @ApiProperty({ example: 'ana-silva' })
  repId!: string;

  @ApiPropertyOptional({ example: 'emea' })
  teamId?: string;

  @ApiProperty({ example: 'emea-inbound' })
  poolId!: string;

  @ApiProperty({ example: 'enterprise-dach' })
  ruleId!: string;

  @ApiProperty({ enum: ROUTING_STRATEGIES })
  strategy!: RoutingStrategy;

  @ApiProperty({ enum: ROUTING_PATHS, description: 'manual: a sales manager named the rep' })
  path!: RoutingPath;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ format: 'date-time' })
  assignedAt!: string;

  @ApiProperty({ format: 'date-time', description: 'The rep must accept by then' })
  slaDueAt!: string;

  @ApiProperty({ enum: ASSIGNMENT_STATUSES, description: 'open and accepted are live: the rep holds the lead' })
  status!: AssignmentStatus;

  @ApiProperty({ format: 'date-time', description: 'When the status was set' })
  statusAt!: string;
}

export class LeadRoutingDto implements LeadRouting {
  @ApiProperty({ format: 'uuid' })
  leadId!: string;

  @ApiProperty({ type: [RoutingDecisionDto], description: 'Every decision, in the order they were made' })
  decisions!: RoutingDecisionDto[];

  @ApiProperty({ type: [AssignmentDto], description: 'Every assignment, oldest first' })
  assignments!: AssignmentDto[];
}
