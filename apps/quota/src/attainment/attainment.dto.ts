import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type PaceVerdict,
  type PendingRevenue,
  QUOTA_OWNER_KINDS,
  type QuotaOwner,
  type QuotaOwnerKind,
  type RevenueAttainment,
  type TargetAttainment,
} from '@handoff/domain-quota';

export const PACE_VERDICTS: readonly PaceVerdict[] = ['ahead', 'on_pace', 'behind'];

export class TargetAttainmentDto implements TargetAttainment {
  @ApiProperty({ description: 'The target: an amount in the quota’s currency for revenue, a count otherwise' })
  target!: number;

  @ApiProperty({ description: 'What counts so far: converted revenue, or outcomes not withdrawn' })
  attained!: number;

  @ApiProperty({ description: 'attained ÷ target; above 1 when over-achieved', example: 0.62 })
  ratio!: number;

  @ApiProperty({ description: 'target × the pace curve’s expected share by now' })
  expectedToDate!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'attained ÷ expectedToDate; null while nothing is due' })
  paceRatio!: number | null;

  @ApiProperty({ description: 'expectedToDate − attained: positive = behind pace, negative = ahead' })
  paceGap!: number;

  @ApiProperty({ enum: PACE_VERDICTS })
  pace!: PaceVerdict;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Where the period ends if the rest goes as so far, by the curve; attained once it has closed',
  })
  forecast!: number | null;
}

export class PendingRevenueDto implements PendingRevenue {
  @ApiProperty({ example: 'deal-7:revenue' })
  contributionId!: string;

  @ApiProperty({ example: 'ana-silva' })
  repId!: string;

  @ApiProperty({ format: 'date-time', description: 'When the deal closed' })
  at!: string;

  @ApiProperty({ description: 'In the deal’s own currency', example: 8000 })
  amount!: number;

  @ApiProperty({ example: 'GBP' })
  currency!: string;

  @ApiProperty({ example: 'no GBP→USD rate valid on 2027-02-11' })
  reason!: string;
}

export class RevenueAttainmentDto extends TargetAttainmentDto implements RevenueAttainment {
  @ApiProperty({ description: 'The quota’s currency: every amount of this target is in it', example: 'USD' })
  currency!: string;

  @ApiProperty({
    type: [PendingRevenueDto],
    description: 'Won revenue with no rate into the quota’s currency on its close date yet: shown, not counted',
  })
  pendingConversion!: PendingRevenueDto[];
}

export class QuotaOwnerDto implements QuotaOwner {
  @ApiProperty({ enum: QUOTA_OWNER_KINDS })
  kind!: QuotaOwnerKind;

  @ApiProperty({ example: 'ana-silva' })
  id!: string;
}

/** A quota's figures at one moment, without naming the quota (a team's rolled-up targets have none). */
export class FiguresDto {
  @ApiProperty({ example: 'FY2027-Q1' })
  periodId!: string;

  @ApiProperty({ format: 'date-time', description: 'The moment the figures are for: now' })
  asOf!: string;

  @ApiProperty({ description: 'Share of the period gone by, 0..1', example: 0.5 })
  elapsedFraction!: number;

  @ApiProperty({ description: 'Share of each target the pace curve expects by now, 0..1', example: 0.5 })
  expectedShare!: number;

  @ApiProperty({ description: 'An outcome of the period was recorded (or withdrawn) after it closed' })
  restated!: boolean;

  @ApiPropertyOptional({ type: RevenueAttainmentDto, description: 'Present when the quota has a revenue target' })
  revenue?: RevenueAttainmentDto;

  @ApiPropertyOptional({ type: TargetAttainmentDto })
  dealsWon?: TargetAttainmentDto;

  @ApiPropertyOptional({ type: TargetAttainmentDto })
  leadsAccepted?: TargetAttainmentDto;

  @ApiPropertyOptional({ type: TargetAttainmentDto })
  meetingsHeld?: TargetAttainmentDto;
}

export class AttainmentDto extends FiguresDto {
  @ApiProperty({ example: 'ana-silva-FY2027-Q1' })
  quotaId!: string;

  @ApiProperty({ type: QuotaOwnerDto })
  owner!: QuotaOwnerDto;
}

export class PeriodDto {
  @ApiProperty({ example: 'FY2027-Q1' })
  id!: string;

  @ApiProperty({ description: 'month, quarter, fiscal_year, or the kind a custom period was stored with' })
  kind!: string;

  @ApiProperty({ format: 'date-time', description: 'Inclusive' })
  start!: string;

  @ApiProperty({ format: 'date-time', description: 'Exclusive' })
  end!: string;
}
