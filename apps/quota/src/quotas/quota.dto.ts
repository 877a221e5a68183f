import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, IsString, ValidateIf, ValidateNested } from 'class-validator';
import { composeRules, IsFiniteNumber, IsIdentifier, IsOptionalNested, IsNestedObject } from '@handoff/contracts';
import {
  FISCAL_PERIOD_KINDS,
  type Money,
  type PaceCurve,
  type Period,
  QUOTA_OWNER_KINDS,
  type QuotaOwner,
  type QuotaOwnerKind,
  type QuotaTargets,
} from '@handoff/domain-quota';
import type { StoredQuota } from '../books/quota-books.store';

/** A quota's period kind: one of the fiscal calendar's, or `custom` for a period given by its bounds. */
export const PERIOD_KINDS = [...FISCAL_PERIOD_KINDS, 'custom'] as const;

const PERIOD_RULE = 'period must be a fiscal period id such as FY2027-Q1 or a custom period { id, start, end }';

export class QuotaOwnerDto implements QuotaOwner {
  @ApiProperty({ enum: QUOTA_OWNER_KINDS, example: 'rep' })
  @IsIn(QUOTA_OWNER_KINDS)
  kind!: QuotaOwnerKind;

  @ApiProperty({ description: 'The rep’s or team’s id, as routing names it', example: 'ana-silva' })
  @IsIdentifier()
  id!: string;
}

export class PeriodDto implements Period {
  @ApiProperty({ description: 'Names the period; owner and period id identify a quota', example: 'launch-2027' })
  @IsIdentifier()
  id!: string;

  @ApiProperty({ description: 'ISO 8601 instant with an offset, inclusive', example: '2027-01-01T00:00:00.000Z' })
  @IsString()
  start!: string;

  @ApiProperty({
    description: 'ISO 8601 instant with an offset, exclusive; after start',
    example: '2027-03-01T00:00:00.000Z',
  })
  @IsString()
  end!: string;
}

export class MoneyDto implements Money {
  @ApiProperty({ description: 'Positive', example: 250000 })
  @IsFiniteNumber()
  amount!: number;

  @ApiProperty({ description: 'ISO 4217 code', example: 'EUR' })
  @IsString()
  currency!: string;
}

const CountTarget = (description: string): PropertyDecorator =>
  composeRules(ApiPropertyOptional({ description, example: 12 }), IsOptional(), IsFiniteNumber());

/** At least one target; each positive. */
export class QuotaTargetsDto implements QuotaTargets {
  @ApiPropertyOptional({ type: MoneyDto, description: 'Revenue of deals won, in one currency' })
  @IsOptionalNested(() => MoneyDto)
  revenue?: MoneyDto;

  @CountTarget('Deals won') dealsWon?: number;
  @CountTarget('Leads accepted') leadsAccepted?: number;
  @CountTarget('Meetings held') meetingsHeld?: number;
}

export class PaceCurvePointsDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'number', minimum: 0, maximum: 1 }, minItems: 2, maxItems: 2 },
    description: '[fractionOfTime, fractionOfTarget] from [0, 0] to [1, 1], time rising, share never falling',
    example: [
      [0, 0],
      [0.5, 0.3],
      [1, 1],
    ],
  })
  points!: [number, number][];
}

const CURVE_SCHEMA = {
  oneOf: [{ type: 'string', enum: ['linear'] }, { $ref: getSchemaPath(PaceCurvePointsDto) }],
  description: 'How much of each target is expected by when: "linear" or a piecewise-linear curve',
};

/** A quota as written: `PUT /quotas/:id` and each row of the quotas CSV. */
@ApiExtraModels(PeriodDto, PaceCurvePointsDto)
export class QuotaBodyDto {
  @ApiPropertyOptional({ description: 'Must equal the id in the path when given', example: 'ana-fy2027-q1' })
  @IsOptional()
  @IsIdentifier()
  id?: string;

  @ApiProperty({ type: QuotaOwnerDto })
  @IsNestedObject(() => QuotaOwnerDto)
  owner!: QuotaOwnerDto;

  @ApiProperty({
    oneOf: [{ type: 'string', example: 'FY2027-Q1' }, { $ref: getSchemaPath(PeriodDto) }],
    description:
      'A fiscal period id (FY2027, FY2027-Q1, FY2027-M03) on the configured fiscal calendar, or a custom period',
  })
  @ValidateIf((body: QuotaBodyDto) => typeof body.period !== 'string')
  @IsDefined({ message: PERIOD_RULE })
  @IsObject({ message: PERIOD_RULE })
  @ValidateNested()
  @Type(() => PeriodDto)
  period!: string | PeriodDto;

  @ApiProperty({ type: QuotaTargetsDto })
  @IsNestedObject(() => QuotaTargetsDto)
  targets!: QuotaTargetsDto;

  @ApiPropertyOptional({ ...CURVE_SCHEMA, default: 'linear' })
  @IsOptional()
  curve?: PaceCurve;
}

export class QuotaDto implements StoredQuota {
  @ApiProperty({ example: 'ana-fy2027-q1' })
  id!: string;

  @ApiProperty({ type: QuotaOwnerDto })
  owner!: QuotaOwnerDto;

  @ApiProperty({ type: PeriodDto, description: 'The period’s id and bounds (a fiscal one resolved on the calendar)' })
  period!: PeriodDto;

  @ApiProperty({ enum: PERIOD_KINDS })
  periodKind!: string;

  @ApiProperty({ type: QuotaTargetsDto })
  targets!: QuotaTargetsDto;

  @ApiProperty(CURVE_SCHEMA)
  curve!: PaceCurve;

  @ApiProperty({ description: 'When the quota was last written', example: '2026-12-01T09:30:00.000Z' })
  updatedAt!: string;
}

export class QuotaListDto {
  @ApiProperty({ type: [QuotaDto], description: 'By id' })
  quotas!: QuotaDto[];
}

export class QuotaListQuery {
  @ApiPropertyOptional({ description: 'Only quotas of this period id', example: 'FY2027-Q1' })
  @IsOptional()
  @IsIdentifier()
  period?: string;

  @ApiPropertyOptional({ enum: QUOTA_OWNER_KINDS })
  @IsOptional()
  @IsIn(QUOTA_OWNER_KINDS)
  ownerKind?: QuotaOwnerKind;

  @ApiPropertyOptional({ description: 'Only quotas of this rep or team', example: 'ana-silva' })
  @IsOptional()
  @IsIdentifier()
  ownerId?: string;
}
