import { Equals, IsFQDN, IsIn, IsInt, IsISO31661Alpha2, IsOptional, IsUrl, IsUUID, Min } from 'class-validator';
import {
  ASSIGNMENT_TRIGGERS,
  GRADES,
  ROUTING_PATHS,
  ROUTING_STRATEGIES,
  SENIORITIES,
  type AssignmentTrigger,
  type Grade,
  type RoutingPath,
  type RoutingStrategy,
  type Seniority,
} from '@handoff/shared-vocabulary';
import { EventEnvelope } from '../envelope';
import {
  IsCount,
  IsFiniteNumber,
  IsIdentifier,
  IsNestedArray,
  IsNestedObject,
  IsText,
} from '../validation/field-rules';
import { IsDeadline } from '../validation/instant';
import { MAX_TOP_FACTORS, ScoreFactorV1 } from './lead-scored.v1';

export const MAX_DECISION_STEPS = 50;

/** One step of the routing decision (e.g. `rule` → `matched`); the whole trace is at GET /leads/:id/routing. */
export class DecisionStepV1 {
  @IsText(64)
  step!: string;

  @IsText(64)
  outcome!: string;

  @IsOptional()
  @IsText(500)
  detail?: string;
}

/** The lead as a rep's first look needs it, without personal data (contacts are fetched from `contactUrl`). */
export class RoutedLeadProfileV1 {
  @IsOptional()
  @IsText(256)
  company?: string;

  @IsOptional()
  @IsFQDN()
  companyDomain?: string;

  @IsOptional()
  @IsText(256)
  title?: string;

  @IsOptional()
  @IsIn(SENIORITIES)
  seniority?: Seniority;

  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;

  @IsOptional()
  @IsCount()
  employeeCount?: number;

  @IsOptional()
  @IsText(128)
  industry?: string;
}

/**
 * One assignment of a qualified lead to a rep: the first (`attempt` 1) or a reassignment after a rejection,
 * a missed SLA, an escalation or a manager's move. It carries what a sales system needs to act without
 * another call. `qualificationId` is the lead.qualified event it answers; `assignmentId` is unique per attempt.
 */
export class LeadRoutedV1 extends EventEnvelope {
  @Equals(1)
  override schemaVersion!: 1;

  @IsUUID()
  leadId!: string;

  @IsUUID()
  qualificationId!: string;

  @IsUUID()
  assignmentId!: string;

  @IsInt()
  @Min(1)
  attempt!: number;

  @IsIn(ASSIGNMENT_TRIGGERS)
  trigger!: AssignmentTrigger;

  @IsIdentifier()
  repId!: string;

  @IsOptional()
  @IsIdentifier()
  previousRepId?: string;

  @IsOptional()
  @IsIdentifier()
  teamId?: string;

  @IsIdentifier()
  poolId!: string;

  @IsIdentifier()
  ruleId!: string;

  @IsIn(ROUTING_STRATEGIES)
  strategy!: RoutingStrategy;

  @IsIn(ROUTING_PATHS)
  path!: RoutingPath;

  /** One sentence: why this rep. */
  @IsText(500)
  reason!: string;

  @IsDeadline()
  slaDueAt!: string;

  @IsNestedObject(() => RoutedLeadProfileV1)
  profile!: RoutedLeadProfileV1;

  @IsFiniteNumber()
  behaviourScore!: number;

  @IsIn(GRADES)
  grade!: Grade;

  @IsNestedArray(() => ScoreFactorV1, { min: 0, max: MAX_TOP_FACTORS })
  topFactors!: ScoreFactorV1[];

  /** Where an authorised sales system reads the lead's contact details (ingest's contact API). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  contactUrl!: string;

  @IsNestedArray(() => DecisionStepV1, { min: 1, max: MAX_DECISION_STEPS })
  decisionTrace!: DecisionStepV1[];
}
