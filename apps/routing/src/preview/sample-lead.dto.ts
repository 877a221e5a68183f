import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, type TransformFnParams } from 'class-transformer';
import { IsFQDN, IsIn, IsISO31661Alpha2, IsOptional } from 'class-validator';
import { IsCount, IsFiniteNumber, IsText } from '@handoff/contracts';
import type { LeadToRoute } from '@handoff/domain-routing';
import { GRADES, type Grade } from '@handoff/shared-vocabulary';

/** The ids a sample lead is decided under: it is no real lead, and no rule reads them. */
export const SAMPLE_LEAD_ID = 'dry-run';

const upperCase = ({ value }: TransformFnParams): unknown => (typeof value === 'string' ? value.toUpperCase() : value);

/**
 * A lead as routing reads it from lead.qualified.v2, with the same field rules (each field optional, as enrichment
 * may be partial, but grade and both scores, which every qualification carries).
 */
export class SampleLeadDto {
  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2 (any case)', example: 'DE' })
  @IsOptional()
  @Transform(upperCase)
  @IsISO31661Alpha2({ message: '$property must be an ISO 3166-1 alpha-2 country code such as DE' })
  country?: string;

  @ApiPropertyOptional({ example: 'BY', maxLength: 64 })
  @IsOptional()
  @IsText(64)
  region?: string;

  @ApiPropertyOptional({ example: '80331', maxLength: 16 })
  @IsOptional()
  @IsText(16)
  postalCode?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 1200 })
  @IsOptional()
  @IsCount()
  employeeCount?: number;

  @ApiPropertyOptional({ example: 'software', maxLength: 128 })
  @IsOptional()
  @IsText(128)
  industry?: string;

  @ApiProperty({ enum: GRADES, description: 'Fit grade', example: 'A' })
  @IsIn(GRADES)
  grade!: Grade;

  @ApiProperty({ example: 72 })
  @IsFiniteNumber()
  behaviourScore!: number;

  @ApiProperty({ example: 80 })
  @IsFiniteNumber()
  fitScore!: number;

  @ApiPropertyOptional({ example: 'analytics', maxLength: 128 })
  @IsOptional()
  @IsText(128)
  productInterest?: string;

  @ApiPropertyOptional({ description: 'Where the lead came from (leadSource)', example: 'webinar', maxLength: 128 })
  @IsOptional()
  @IsText(128)
  source?: string;

  @ApiPropertyOptional({ example: 'Acme GmbH', maxLength: 256 })
  @IsOptional()
  @IsText(256)
  company?: string;

  @ApiPropertyOptional({ example: 'acme.de' })
  @IsOptional()
  @IsFQDN({}, { message: '$property must be a domain such as acme.com' })
  companyDomain?: string;

  @ApiPropertyOptional({ description: 'The domain of the lead’s email (not the address)', example: 'acme.de' })
  @IsOptional()
  @IsFQDN({}, { message: '$property must be a domain such as acme.com' })
  emailDomain?: string;
}

/** The decision input for the sample: its fields as they are, absent ones left out. */
export function leadToRouteOf(sample: SampleLeadDto): LeadToRoute {
  const given = Object.entries(sample).filter(([, value]) => value !== undefined);
  return {
    ...(Object.fromEntries(given) as Omit<LeadToRoute, 'leadId' | 'qualificationId'>),
    leadId: SAMPLE_LEAD_ID,
    qualificationId: SAMPLE_LEAD_ID,
  };
}
