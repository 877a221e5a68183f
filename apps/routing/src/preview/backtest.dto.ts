import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, Min } from 'class-validator';
import type {
  BacktestGroupResult,
  BacktestLeadResult,
  BacktestOutcome,
  BacktestReport,
  BacktestRepResult,
  BacktestTally,
  RepShare,
} from '@handoff/domain-routing';
import { ROUTING_PATHS, type RoutingPath } from '@handoff/shared-vocabulary';
import { CANDIDATE_RULE_SET_SCHEMA } from './candidate-rule-set';

// The backtest request and the OpenAPI schemas of its answer; `implements` keeps them in step with the domain.

export const DEFAULT_BACKTEST_LEADS = 1000;

export class BacktestRequest {
  @ApiProperty(CANDIDATE_RULE_SET_SCHEMA)
  @IsObject()
  ruleSet!: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    default: DEFAULT_BACKTEST_LEADS,
    description: 'How many of the latest qualifications to replay; at most ROUTING_BACKTEST_MAX_LEADS',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  leads?: number;
}

export class BacktestOutcomeDto implements BacktestOutcome {
  @ApiProperty({ enum: ['assigned', 'queued'] })
  outcome!: BacktestOutcome['outcome'];

  @ApiPropertyOptional({ description: 'When assigned' })
  repId?: string;

  @ApiProperty()
  poolId!: string;

  @ApiProperty()
  ruleId!: string;

  @ApiPropertyOptional({ enum: ROUTING_PATHS, description: 'When assigned' })
  path?: RoutingPath;
}

export class BacktestLeadResultDto implements BacktestLeadResult {
  @ApiProperty({ format: 'uuid' })
  leadId!: string;

  @ApiProperty({ format: 'uuid' })
  qualificationId!: string;

  @ApiProperty({ type: BacktestOutcomeDto, description: 'Under the active rules' })
  current!: BacktestOutcomeDto;

  @ApiProperty({ type: BacktestOutcomeDto, description: 'Under the candidate rules' })
  candidate!: BacktestOutcomeDto;

  @ApiProperty()
  repChanged!: boolean;

  @ApiProperty()
  poolChanged!: boolean;

  @ApiProperty()
  ruleChanged!: boolean;
}

export class BacktestTallyDto implements BacktestTally {
  @ApiProperty({ minimum: 0, description: 'Leads assigned to a rep' })
  assigned!: number;

  @ApiProperty({ minimum: 0, description: 'Leads that would wait in the pool’s queue' })
  queued!: number;
}

export class BacktestGroupResultDto implements BacktestGroupResult {
  @ApiProperty({ description: 'The rule id (`fallback` for the fallback route) or the pool id', example: 'dach' })
  id!: string;

  @ApiProperty({ type: BacktestTallyDto })
  current!: BacktestTallyDto;

  @ApiProperty({ type: BacktestTallyDto })
  candidate!: BacktestTallyDto;

  @ApiProperty({ description: 'Candidate minus current, assigned and queued together', example: 12 })
  leadsDifference!: number;
}

export class RepShareDto implements RepShare {
  @ApiProperty({ minimum: 0 })
  assignments!: number;

  @ApiProperty({ minimum: 0, maximum: 1, description: 'Of all leads assigned under that rule set' })
  share!: number;
}

export class BacktestRepResultDto implements BacktestRepResult {
  @ApiProperty({ example: 'ana-silva' })
  repId!: string;

  @ApiProperty({ type: RepShareDto })
  current!: RepShareDto;

  @ApiProperty({ type: RepShareDto })
  candidate!: RepShareDto;

  @ApiProperty({ description: 'Candidate minus current' })
  assignmentsDifference!: number;

  @ApiProperty({ description: 'Candidate minus current' })
  shareDifference!: number;
}

class ChangedCountsDto {
  @ApiProperty({ description: 'Leads that would go to another rep (or wait instead)' })
  rep!: number;

  @ApiProperty()
  pool!: number;

  @ApiProperty()
  rule!: number;
}

class QueuedCountsDto {
  @ApiProperty()
  current!: number;

  @ApiProperty()
  candidate!: number;
}

export class BacktestAnswerDto implements Omit<BacktestReport, 'perLead'> {
  @ApiProperty({ description: 'The active rule set’s version', example: 'default-1' })
  currentVersion!: string;

  @ApiProperty({ example: 'candidate-1' })
  candidateVersion!: string;

  @ApiProperty({ format: 'date-time', description: 'Every lead was replayed as if it arrived at this instant' })
  replayedAt!: string;

  @ApiProperty({ description: 'Qualifications replayed, the latest received, oldest first' })
  leads!: number;

  @ApiProperty({ type: ChangedCountsDto })
  changed!: ChangedCountsDto;

  @ApiProperty({ type: QueuedCountsDto, description: 'Leads nobody eligible could take' })
  queued!: QueuedCountsDto;

  @ApiProperty({ type: [BacktestGroupResultDto], description: 'Every rule that took a lead under either set, by id' })
  perRule!: BacktestGroupResultDto[];

  @ApiProperty({ type: [BacktestGroupResultDto], description: 'Every pool that took a lead under either set, by id' })
  perPool!: BacktestGroupResultDto[];

  @ApiProperty({
    type: [BacktestRepResultDto],
    description: 'Every rep assigned a lead under either set, in directory order',
  })
  perRep!: BacktestRepResultDto[];

  @ApiProperty({ type: [BacktestLeadResultDto], description: 'The leads that would go to another pool' })
  poolChanges!: BacktestLeadResultDto[];
}

/** The report without the per-lead list, which could be as long as the replay: only the leads that change pool. */
export function backtestAnswerOf(
  report: BacktestReport,
  versions: { current: string; candidate: string },
  replayedAt: string,
): BacktestAnswerDto {
  const { perLead, ...summary } = report;
  return {
    currentVersion: versions.current,
    candidateVersion: versions.candidate,
    replayedAt,
    ...summary,
    poolChanges: perLead.filter((result) => result.poolChanged),
  };
}
