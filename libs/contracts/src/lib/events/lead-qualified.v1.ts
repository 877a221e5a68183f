import { Equals, IsFQDN, IsIn, IsISO31661Alpha2, IsOptional, IsUUID } from 'class-validator';
import { GRADES, type Grade } from '@handoff/shared-vocabulary';
import { EventEnvelope } from '../envelope';
import { IsCount, IsFiniteNumber, IsIdentifier, IsNestedObject, IsText } from '../validation/field-rules';
import { IsTimestamp } from '../validation/instant';

/** What routing matches territories and rules on; every field is optional because enrichment may be partial. */
export class RoutingProfileV1 {
  /** ISO 3166-1 alpha-2, e.g. `DE`. */
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;

  @IsOptional()
  @IsText(64)
  region?: string;

  @IsOptional()
  @IsText(128)
  industry?: string;

  @IsOptional()
  @IsCount()
  employeeCount?: number;

  @IsOptional()
  @IsFQDN()
  companyDomain?: string;

  @IsOptional()
  @IsText(64)
  segment?: string;
}

/** A lead crossed the qualification rule and is ready to be routed to a rep. */
export class LeadQualifiedV1 extends EventEnvelope {
  @Equals(1)
  override schemaVersion!: 1;

  @IsUUID()
  leadId!: string;

  @IsFiniteNumber()
  behaviourScore!: number;

  @IsFiniteNumber()
  fitScore!: number;

  @IsIn(GRADES)
  grade!: Grade;

  @IsIdentifier()
  modelVersion!: string;

  @IsTimestamp()
  qualifiedAt!: string;

  @IsNestedObject(() => RoutingProfileV1)
  profile!: RoutingProfileV1;
}
