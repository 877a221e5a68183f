import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInstant } from '@handoff/contracts';
import type { QueueTimePercentiles, RepFairness } from '@handoff/domain-routing';
import { IsOptional } from 'class-validator';
import type { PoolFairness } from './pool-fairness.service';

export class FairnessQuery {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Start of the window (inclusive, ISO 8601); default 30 days before to',
    example: '2026-03-01T00:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'End of the window (exclusive, ISO 8601); default now; after from',
    example: '2026-04-01T00:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  to?: string;
}

export class RepFairnessDto implements RepFairness {
  @ApiProperty({ example: 'ana-silva' })
  repId!: string;

  @ApiProperty({ description: 'The rep’s weight now; 0 for a former or inactive member' })
  weight!: number;

  @ApiProperty({ description: 'Assignments the pool made to the rep in the window' })
  assignments!: number;

  @ApiProperty({ description: 'weight ÷ the active members’ total weight' })
  weightedShare!: number;

  @ApiProperty({ description: 'weightedShare × every assignment in the window' })
  expected!: number;

  @ApiProperty({ description: 'assignments − expected: positive means more than the share' })
  deviation!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'deviation ÷ expected; null when nothing was expected' })
  deviationRatio!: number | null;
}

export class LargestDeviationDto {
  @ApiProperty({ example: 'bo-chen' })
  repId!: string;

  @ApiProperty({ example: -1.5 })
  deviation!: number;
}

export class QueueTimePercentilesDto implements QueueTimePercentiles {
  @ApiProperty({ description: 'Assignments in the window whose lead had waited in the queue' })
  count!: number;

  @ApiProperty({ description: 'Milliseconds, to 3 significant digits' })
  p50!: number;

  @ApiProperty()
  p90!: number;

  @ApiProperty()
  p99!: number;

  @ApiProperty({ description: 'Exact' })
  max!: number;
}

export class PoolFairnessDto implements PoolFairness {
  @ApiProperty({ example: 'emea-inbound' })
  poolId!: string;

  @ApiProperty({ format: 'date-time', description: 'The window’s start (inclusive), UTC' })
  from!: string;

  @ApiProperty({ format: 'date-time', description: 'The window’s end (exclusive), UTC' })
  to!: string;

  @ApiProperty({ description: 'Assignments the pool made in the window, by any path (manual moves included)' })
  totalAssignments!: number;

  @ApiProperty({
    type: [RepFairnessDto],
    description: 'Every active member, and every other rep the pool assigned in the window, by rep id',
  })
  reps!: RepFairnessDto[];

  @ApiProperty({
    type: LargestDeviationDto,
    nullable: true,
    description: 'The largest deviation in absolute value (lower rep id on a tie); null without reps',
  })
  largestDeviation!: LargestDeviationDto | null;

  @ApiProperty({
    type: QueueTimePercentilesDto,
    description: 'How long the leads assigned in the window that had to wait in the queue waited',
  })
  timeInQueueMs!: QueueTimePercentilesDto;
}
