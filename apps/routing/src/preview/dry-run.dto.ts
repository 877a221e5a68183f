import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';
import { IsNestedObject } from '@handoff/contracts';
import type { RoutingDecision } from '@handoff/domain-routing';
import { ROUTING_PATHS, ROUTING_STRATEGIES, type RoutingPath, type RoutingStrategy } from '@handoff/shared-vocabulary';
import type { DecisionContext } from '../assignment/decision-context';
import { CANDIDATE_RULE_SET_SCHEMA } from './candidate-rule-set';
import { RoutingTraceDto } from '../leads/routing-trace.dto';
import { SampleLeadDto } from './sample-lead.dto';

export class DryRunRequest {
  @ApiProperty({ type: SampleLeadDto })
  @IsNestedObject(() => SampleLeadDto)
  lead!: SampleLeadDto;

  @ApiPropertyOptional({
    ...CANDIDATE_RULE_SET_SCHEMA,
    description: `Without it: the active rule set. ${CANDIDATE_RULE_SET_SCHEMA.description}`,
  })
  @IsOptional()
  @IsObject()
  ruleSet?: Record<string, unknown>;
}

/** The decision without the pool's next turn order (a dry run keeps none). */
export class DryRunDecisionDto {
  @ApiProperty({ enum: ['assigned', 'queued'], description: 'queued: nobody is eligible, the lead would wait' })
  outcome!: RoutingDecision['outcome'];

  @ApiPropertyOptional({ description: 'When assigned', example: 'ana-silva' })
  repId?: string;

  @ApiPropertyOptional({ description: 'When the owner’s team took the lead', example: 'emea' })
  teamId?: string;

  @ApiProperty({ description: 'The pool that assigned, or whose queue the lead would wait in', example: 'inbound' })
  poolId!: string;

  @ApiProperty({ description: '`fallback` when no rule matched', example: 'inbound' })
  ruleId!: string;

  @ApiProperty({ enum: ROUTING_STRATEGIES })
  strategy!: RoutingStrategy;

  @ApiPropertyOptional({ enum: ROUTING_PATHS, description: 'When assigned' })
  path?: RoutingPath;

  @ApiProperty({
    example: 'Rule inbound matched; weighted round robin picked ina (credit 0.67, 3 eligible)',
  })
  reason!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When assigned: the rep must accept by then' })
  slaDueAt?: string;
}

export class DryRunAnswerDto {
  @ApiProperty({ description: 'The version of the rule set decided under', example: 'default-1' })
  ruleSetVersion!: string;

  @ApiProperty({ enum: ['active', 'inline'], description: 'The active rule set, or the one in the request' })
  ruleSetSource!: 'active' | 'inline';

  @ApiProperty({ format: 'date-time', description: 'The instant decided as of (hours, caps, out of office)' })
  decidedAt!: string;

  @ApiProperty({ type: DryRunDecisionDto })
  decision!: DryRunDecisionDto;

  @ApiProperty({ type: RoutingTraceDto })
  trace!: RoutingTraceDto;
}

/** The answer: what was decided under which rules, its trace apart; the pool's next turn order is left out. */
export function dryRunAnswerOf(
  decision: RoutingDecision,
  context: DecisionContext,
  ruleSetSource: DryRunAnswerDto['ruleSetSource'],
): DryRunAnswerDto {
  const { trace, poolState: _nextTurnOrder, ...rest } = decision;
  return { ruleSetVersion: context.ruleSet.version, ruleSetSource, decidedAt: context.now, decision: rest, trace };
}
