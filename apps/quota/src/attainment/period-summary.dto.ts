import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PaceVerdict } from '@handoff/domain-quota';
import { PACE_VERDICTS, PeriodDto } from './attainment.dto';
import { type Measure, MEASURES, type PeriodSummary, type RevenueTotal, type TeamRollUp } from './period-summary';
import { TARGETS_SOURCES, type TargetsSource } from './team-quota';

export class SummaryPeriodDto extends PeriodDto {
  @ApiProperty({ description: 'Share of the period gone by, 0..1' })
  elapsedFraction!: number;
}

export class RevenueTotalDto implements RevenueTotal {
  @ApiProperty({ example: 'USD' })
  currency!: string;

  @ApiProperty({ description: 'The rep quotas’ revenue targets in this currency, summed' })
  target!: number;

  @ApiProperty({ description: 'Their attained revenue, summed (pending conversions not included)' })
  attained!: number;

  @ApiProperty({ description: 'attained ÷ target' })
  ratio!: number;
}

export class RepPaceCountsDto {
  @ApiProperty({ description: 'Reps with a quota for the period' })
  withQuota!: number;

  @ApiProperty({ description: 'By revenue pace, or the first count target’s for a quota without revenue' })
  ahead!: number;

  @ApiProperty()
  onPace!: number;

  @ApiProperty()
  behind!: number;

  @ApiProperty({ description: 'Reps with won revenue waiting for an exchange rate' })
  withPendingConversions!: number;
}

export class TeamRollUpDto implements TeamRollUp {
  @ApiProperty({ example: 'emea-north' })
  teamId!: string;

  @ApiProperty({ enum: TARGETS_SOURCES, nullable: true })
  targetsSource!: TargetsSource | null;

  @ApiProperty({ enum: MEASURES, nullable: true, description: 'Revenue, or the first count target without one' })
  measure!: Measure | null;

  @ApiProperty({ type: String, nullable: true, example: 'USD' })
  currency!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'The measure’s attained ÷ target' })
  attainmentRatio!: number | null;

  @ApiProperty({ enum: PACE_VERDICTS, nullable: true })
  pace!: PaceVerdict | null;

  @ApiProperty()
  restated!: boolean;

  @ApiPropertyOptional({ description: 'Why the team has no figures: its members’ revenue targets differ in currency' })
  unavailable?: string;
}

export class PeriodSummaryDto implements PeriodSummary {
  @ApiProperty({ type: SummaryPeriodDto })
  period!: SummaryPeriodDto;

  @ApiProperty({ format: 'date-time' })
  asOf!: string;

  @ApiProperty({ type: [RevenueTotalDto], description: 'Per currency, by currency code' })
  revenue!: RevenueTotalDto[];

  @ApiProperty({ type: RepPaceCountsDto })
  reps!: RepPaceCountsDto;

  @ApiProperty({ description: 'Rep and team quotas with an outcome recorded after the period closed' })
  restatedQuotas!: number;

  @ApiProperty({
    type: [TeamRollUpDto],
    description: 'Teams with their own quota or with a member who has one, by id; own targets or rolled up',
  })
  teams!: TeamRollUpDto[];
}
