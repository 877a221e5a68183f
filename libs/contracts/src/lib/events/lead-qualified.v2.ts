import { Equals, IsFQDN, IsIn, IsISO31661Alpha2, IsOptional, IsUUID } from 'class-validator';
import { GRADES, SENIORITIES, type Grade, type Seniority } from '@handoff/shared-vocabulary';
import { EventEnvelope } from '../envelope';
import {
  IsCount,
  IsFiniteNumber,
  IsIdentifier,
  IsNestedArray,
  IsNestedObject,
  IsOptionalNested,
  IsText,
} from '../validation/field-rules';
import { ConversionPredictionV1 } from './conversion-prediction.v1';
import { IsTimestamp } from '../validation/instant';
import { MAX_TOP_FACTORS, ScoreFactorV1 } from './lead-scored.v1';

/**
 * What routing matches rules and accounts on and what a rep sees about the lead; every field is optional
 * because enrichment may be partial. No clear personal data: the contact stays in ingest's vault.
 */
export class QualifiedProfileV2 {
  /** ISO 3166-1 alpha-2, e.g. `DE`. */
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;

  @IsOptional()
  @IsText(64)
  region?: string;

  @IsOptional()
  @IsText(16)
  postalCode?: string;

  @IsOptional()
  @IsText(128)
  industry?: string;

  @IsOptional()
  @IsCount()
  employeeCount?: number;

  @IsOptional()
  @IsText(256)
  company?: string;

  @IsOptional()
  @IsFQDN()
  companyDomain?: string;

  /** The domain of the lead's email address (not the address), for account matching. */
  @IsOptional()
  @IsFQDN()
  emailDomain?: string;

  @IsOptional()
  @IsText(256)
  title?: string;

  @IsOptional()
  @IsIn(SENIORITIES)
  seniority?: Seniority;

  @IsOptional()
  @IsText(128)
  productInterest?: string;

  /** Where marketing says the lead came from (the `leadSource` trait), e.g. `webinar` or `paid-search`. */
  @IsOptional()
  @IsText(128)
  leadSource?: string;
}

/**
 * A lead crossed the qualification rule, with what routing and a sales rep need: v1 plus the profile summary
 * (company, title, seniority, product interest, lead source…) and the score's top factors. Scoring publishes
 * v1 and v2 side by side so v1 consumers are unaffected.
 */
export class LeadQualifiedV2 extends EventEnvelope {
  @Equals(2)
  override schemaVersion!: 2;

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

  @IsNestedObject(() => QualifiedProfileV2)
  profile!: QualifiedProfileV2;

  @IsNestedArray(() => ScoreFactorV1, { min: 0, max: MAX_TOP_FACTORS })
  topFactors!: ScoreFactorV1[];

  /** Added after v1 shipped, optional so existing consumers are unaffected: absent until a model is trained. */
  @IsOptionalNested(() => ConversionPredictionV1)
  conversion?: ConversionPredictionV1;
}
