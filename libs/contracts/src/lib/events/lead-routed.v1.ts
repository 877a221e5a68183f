import { Equals, IsIn, IsOptional, IsUUID } from 'class-validator';
import { ROUTING_STRATEGIES, type RoutingStrategy } from '@handoff/shared-vocabulary';
import { EventEnvelope } from '../envelope';
import { IsIdentifier, IsNestedArray, IsText } from '../validation/field-rules';
import { IsDeadline } from '../validation/instant';

export const MAX_DECISION_STEPS = 50;

/** One step of the routing decision (e.g. `territory` → `matched`), so every assignment can be explained. */
export class DecisionStepV1 {
  @IsText(64)
  step!: string;

  @IsText(64)
  outcome!: string;

  @IsOptional()
  @IsText(500)
  detail?: string;
}

/** Exactly one assignment per qualification (`qualifiedEventId` is the lead.qualified.v1 event it answers). */
export class LeadRoutedV1 extends EventEnvelope {
  @Equals(1)
  override schemaVersion!: 1;

  @IsUUID()
  leadId!: string;

  @IsIdentifier()
  repId!: string;

  @IsOptional()
  @IsIdentifier()
  teamId?: string;

  @IsIdentifier()
  ruleId!: string;

  @IsIn(ROUTING_STRATEGIES)
  strategy!: RoutingStrategy;

  @IsDeadline()
  slaDueAt!: string;

  @IsNestedArray(() => DecisionStepV1, { min: 1, max: MAX_DECISION_STEPS })
  decisionTrace!: DecisionStepV1[];

  @IsUUID()
  qualifiedEventId!: string;
}
