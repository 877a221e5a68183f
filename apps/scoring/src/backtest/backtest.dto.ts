import { INSTANT_LIMITS, IsInstant } from '@handoff/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type BacktestReport,
  type HistogramBucket,
  type LeadDifference,
  type LeadOutcome,
  type ModelBacktest,
} from '@handoff/domain-scoring';
import { GRADES, LIFECYCLE_STAGES, type Grade, type LifecycleStage } from '@handoff/shared-vocabulary';
import { IsObject, IsOptional } from 'class-validator';
import { ScoringModelDto } from '../models/model-view.dto';

// The backtest request and the OpenAPI schemas of its report; `implements` keeps them in step with the domain.

export class BacktestRequest {
  @ApiProperty({ type: ScoringModelDto, description: 'The candidate model, as for POST /models (JSON or YAML body)' })
  @IsObject()
  model!: Record<string, unknown>;

  @ApiPropertyOptional({ format: 'date-time', description: 'Replay the history up to this instant; default now' })
  @IsOptional()
  // Any moment scoring can parse, up to a year ahead (decay can be read forward).
  @IsInstant(INSTANT_LIMITS.maxDeadlineAheadMs)
  at?: string;
}

/** An object schema with one count per key, for the report's tallies by stage and by grade. */
function countsBy(keys: readonly string[], description: string) {
  return {
    type: 'object' as const,
    description,
    required: [...keys],
    properties: Object.fromEntries(keys.map((key) => [key, { type: 'integer' as const, minimum: 0 }])),
  };
}

export class HistogramBucketDto implements HistogramBucket {
  @ApiProperty({ description: 'Inclusive lower bound of the behaviour score', example: 40 })
  from!: number;

  @ApiProperty({ description: 'Exclusive upper bound', example: 50 })
  to!: number;

  @ApiProperty({ description: 'Leads in the bucket', example: 12 })
  count!: number;
}

export class ModelBacktestDto implements ModelBacktest {
  @ApiProperty({ example: 'default' })
  modelId!: string;

  @ApiProperty({ example: '1' })
  modelVersion!: string;

  @ApiProperty({ description: 'Leads that qualified at least once during the replay' })
  qualifiedLeads!: number;

  @ApiProperty({ description: 'Qualifications during the replay (a recycled lead can qualify again)' })
  qualificationEvents!: number;

  @ApiProperty({ description: 'Lifecycle stage changes during the replay' })
  stageChanges!: number;

  @ApiProperty(countsBy(LIFECYCLE_STAGES, 'Leads per lifecycle stage at `at`'))
  finalStages!: Record<LifecycleStage, number>;

  @ApiProperty(countsBy(GRADES, 'Leads per fit grade at `at`'))
  grades!: Record<Grade, number>;

  @ApiProperty({
    type: [HistogramBucketDto],
    description: 'Behaviour scores at `at`; both models share the same buckets',
  })
  distribution!: HistogramBucketDto[];
}

export class LeadOutcomeDto implements LeadOutcome {
  @ApiProperty({ enum: LIFECYCLE_STAGES })
  stage!: LifecycleStage;

  @ApiProperty({ description: 'Whether the lead qualified at least once' })
  qualified!: boolean;

  @ApiProperty({ description: 'Behaviour score at `at`' })
  behaviour!: number;

  @ApiProperty()
  fitScore!: number;

  @ApiProperty({ enum: GRADES })
  grade!: Grade;
}

export class LeadDifferenceDto implements LeadDifference {
  @ApiProperty({ format: 'uuid' })
  leadId!: string;

  @ApiProperty({ type: LeadOutcomeDto })
  active!: LeadOutcomeDto;

  @ApiProperty({ type: LeadOutcomeDto })
  candidate!: LeadOutcomeDto;
}

export class BacktestReportDto implements BacktestReport {
  @ApiProperty({ format: 'date-time', description: 'The instant the history was replayed up to' })
  at!: string;

  @ApiProperty({ description: 'Leads replayed: at most SCORING_BACKTEST_MAX_LEADS, the most recently updated' })
  leads!: number;

  @ApiProperty({ type: ModelBacktestDto, description: 'The active model on the same history' })
  active!: ModelBacktestDto;

  @ApiProperty({ type: ModelBacktestDto })
  candidate!: ModelBacktestDto;

  @ApiProperty({
    type: [LeadDifferenceDto],
    description: 'Leads whose final stage or qualification differs between the two models',
  })
  differences!: LeadDifferenceDto[];
}
