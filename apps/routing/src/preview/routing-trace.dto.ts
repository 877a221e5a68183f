import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACCOUNT_MATCH_REASONS,
  type AccountMatch,
  type AccountMatchReason,
  type CandidateTrace,
  ELIGIBILITY_CHECKS,
  type EligibilityCheck,
  type EligibilityCheckName,
  type RoutingTrace,
  type RuleTrace,
} from '@handoff/domain-routing';

// OpenAPI schemas of a decision's trace; `implements` keeps them in step with the domain's types.

export class RuleTraceDto implements RuleTrace {
  @ApiProperty({ example: 'enterprise' })
  ruleId!: string;

  @ApiProperty()
  matched!: boolean;

  @ApiPropertyOptional({ description: 'The first condition that failed', example: 'employeeCount 200 below 1000' })
  failedCondition?: string;
}

export class AccountMatchEvidenceDto {
  @ApiProperty({ enum: ACCOUNT_MATCH_REASONS })
  reason!: AccountMatchReason;

  @ApiProperty({ example: 'email domain acme.de' })
  detail!: string;
}

export class AccountMatchDto implements AccountMatch {
  @ApiProperty({ example: 'acme' })
  accountId!: string;

  @ApiPropertyOptional({ example: 'ana-silva' })
  ownerRepId?: string;

  @ApiPropertyOptional({ example: 'enterprise' })
  segment?: string;

  @ApiProperty({ minimum: 0, maximum: 1, description: '1 for an exact domain, lower for name matches' })
  confidence!: number;

  @ApiProperty({ type: [AccountMatchEvidenceDto] })
  reasons!: AccountMatchEvidenceDto[];
}

export class EligibilityCheckDto implements EligibilityCheck {
  @ApiProperty({ enum: ELIGIBILITY_CHECKS })
  check!: EligibilityCheckName;

  @ApiProperty()
  passed!: boolean;

  @ApiProperty({ example: 'out of office until 2026-12-08T00:00:00Z' })
  detail!: string;
}

export class CandidateTraceDto implements CandidateTrace {
  @ApiProperty({ example: 'ana-silva' })
  repId!: string;

  @ApiProperty()
  eligible!: boolean;

  @ApiProperty({ type: [EligibilityCheckDto], description: 'Every check, in order, passed or not' })
  checks!: EligibilityCheckDto[];

  @ApiPropertyOptional({ description: 'What the strategy ranked by (turn distance, credit, open leads, capacity…)' })
  strategyScore?: number;

  @ApiPropertyOptional({ example: 'credit 2.5' })
  strategyDetail?: string;

  @ApiProperty()
  chosen!: boolean;
}

export class RoutingTraceDto implements RoutingTrace {
  @ApiProperty({ type: [RuleTraceDto], description: 'Every rule tried, in order, up to the one that matched' })
  rules!: RuleTraceDto[];

  @ApiPropertyOptional({ type: AccountMatchDto, description: 'When a rule needed the account' })
  accountMatch?: AccountMatchDto;

  @ApiProperty({ type: [CandidateTraceDto], description: 'Every rep considered' })
  candidates!: CandidateTraceDto[];

  @ApiPropertyOptional({ type: [String], example: ['pool emea-ent is not in the directory'] })
  notes?: string[];
}
