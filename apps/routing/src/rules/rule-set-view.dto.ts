import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IDENTIFIER_PATTERN } from '@handoff/contracts';
import {
  DEFAULT_ACCOUNT_NAME_SIMILARITY,
  type FallbackRoute,
  type NumberRange,
  type RoutingRule,
  type RoutingRuleSet,
  type RuleConditions,
} from '@handoff/domain-routing';
import { GRADES, ROUTING_STRATEGIES, type Grade, type RoutingStrategy } from '@handoff/shared-vocabulary';
import type { ActiveRuleSet, RuleSetList, RuleSetSummary, RuleSetView } from './rule-set-registry.service';

// OpenAPI schemas of routing rule sets; `implements` keeps them in step with the types they document. README
// "Routing rules" and apps/routing/rules/default-rules.yaml show a whole document.

const ID = { pattern: IDENTIFIER_PATTERN.source, maxLength: 128 };

export class NumberRangeDto implements NumberRange {
  @ApiPropertyOptional({ description: 'Inclusive', example: 1000 })
  min?: number;

  @ApiPropertyOptional({ description: 'Inclusive' })
  max?: number;
}

export class RuleConditionsDto implements RuleConditions {
  @ApiPropertyOptional({ type: [String], description: 'ISO 3166-1 alpha-2 codes', example: ['DE', 'AT'] })
  countries?: string[];

  @ApiPropertyOptional({ type: [String] })
  regions?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Directory territory ids', example: ['dach'] })
  territories?: string[];

  @ApiPropertyOptional({ type: NumberRangeDto })
  employeeCount?: NumberRangeDto;

  @ApiPropertyOptional({ type: [String], example: ['software'] })
  industries?: string[];

  @ApiPropertyOptional({ enum: GRADES, isArray: true, example: ['A', 'B'] })
  grades?: Grade[];

  @ApiPropertyOptional({ type: NumberRangeDto })
  behaviourScore?: NumberRangeDto;

  @ApiPropertyOptional({ type: [String] })
  productInterests?: string[];

  @ApiPropertyOptional({ type: [String] })
  sources?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Segments of the lead’s matched account' })
  accountSegments?: string[];
}

export class RoutingRuleDto implements RoutingRule {
  @ApiProperty({ ...ID, description: 'Unique within the rule set', example: 'enterprise' })
  id!: string;

  @ApiPropertyOptional({ maxLength: 200 })
  description?: string;

  @ApiProperty({
    type: RuleConditionsDto,
    description: 'Every listed condition must hold; within one list any value may match; {} matches every lead',
  })
  when!: RuleConditionsDto;

  @ApiProperty({ ...ID, description: 'A pool of the directory', example: 'enterprise' })
  pool!: string;

  @ApiProperty({ enum: ROUTING_STRATEGIES, example: 'capacity_aware' })
  strategy!: RoutingStrategy;

  @ApiPropertyOptional({
    default: false,
    description: 'A lead whose account has an available owner goes to that owner (then the owner’s team) first',
  })
  accountOwnerFirst!: boolean;
}

export class FallbackRouteDto implements FallbackRoute {
  @ApiProperty({ ...ID, description: 'A pool of the directory', example: 'inbound' })
  pool!: string;

  @ApiProperty({ enum: ROUTING_STRATEGIES, example: 'round_robin' })
  strategy!: RoutingStrategy;
}

export class RoutingRuleSetDto implements RoutingRuleSet {
  @ApiProperty({ ...ID, description: 'Unique; a stored version never changes ("active" is reserved)', example: '2' })
  version!: string;

  @ApiProperty({ type: [RoutingRuleDto], description: 'In order: the first rule whose conditions all hold wins' })
  rules!: RoutingRuleDto[];

  @ApiProperty({ type: FallbackRouteDto, description: 'Takes what no rule matches and what escalates' })
  fallback!: FallbackRouteDto;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 1,
    default: DEFAULT_ACCOUNT_NAME_SIMILARITY,
    description: 'Lowest fuzzy company-name similarity that counts as an account match',
  })
  accountNameSimilarity!: number;
}

export class RuleSetSummaryDto implements RuleSetSummary {
  @ApiProperty({ example: '2' })
  version!: string;

  @ApiProperty({ description: 'Whether decisions use this version (at most one is)' })
  active!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Last time it was activated' })
  activatedAt!: string | null;
}

export class RuleSetViewDto extends RuleSetSummaryDto implements RuleSetView {
  @ApiProperty({ type: RoutingRuleSetDto })
  ruleSet!: RoutingRuleSetDto;
}

export class RuleSetListDto implements RuleSetList {
  @ApiProperty({ type: [RuleSetSummaryDto], description: 'Oldest first' })
  ruleSets!: RuleSetSummaryDto[];

  @ApiProperty({ description: 'The version decisions use now', example: '2' })
  activeVersion!: string;

  @ApiProperty({
    description: 'The shipped default’s version (apps/routing/rules/default-rules.yaml)',
    example: 'default-1',
  })
  defaultVersion!: string;
}

export class ActiveRuleSetDto implements ActiveRuleSet {
  @ApiProperty({ example: '2' })
  version!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it was activated; null for the shipped default served before the service first stored it',
  })
  activatedAt!: string | null;

  @ApiProperty({ type: RoutingRuleSetDto })
  ruleSet!: RoutingRuleSetDto;
}
