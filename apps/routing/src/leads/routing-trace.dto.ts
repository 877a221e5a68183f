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

export class RuleTraceDto implements RuleTrace {
  @ApiProperty({ example: 'enterprise-dach' })
  ruleId!: string;

  @ApiProperty()
  matched!: boolean;

  @ApiPropertyOptional({
    description: 'Not matched: the first condition that failed',
    example: 'country DE not in [US]',
  })
  failedCondition?: string;
}

export class AccountMatchReasonDto {
  @ApiProperty({ enum: ACCOUNT_MATCH_REASONS })
  reason!: AccountMatchReason;

  @ApiProperty({ example: 'email domain acme.de is a domain of the account' })
  detail!: string;
}

export class AccountMatchDto implements AccountMatch {
  @ApiProperty({ example: 'acme' })
  accountId!: string;

  @ApiPropertyOptional({ example: 'olga-berg' })
  ownerRepId?: string;

  @ApiPropertyOptional({ example: 'enterprise' })
  segment?: string;

  @ApiProperty({ minimum: 0, maximum: 1, description: '1 for an exact domain, lower for name matches' })
  confidence!: number;

  @ApiProperty({ type: [AccountMatchReasonDto], description: 'Every piece of evidence' })
  reasons!: AccountMatchReasonDto[];
}

export class EligibilityCheckDto implements EligibilityCheck {
  @ApiProperty({ enum: ELIGIBILITY_CHECKS })
  check!: EligibilityCheckName;

  @ApiProperty()
  passed!: boolean;

  @ApiProperty({ example: 'local time 19:12 Tue, hours 09:00-17:00' })
  detail!: string;
}

export class CandidateTraceDto implements CandidateTrace {
  @ApiProperty({ example: 'ana-silva' })
  repId!: string;

  @ApiProperty({ description: 'Passed every check' })
  eligible!: boolean;

  @ApiProperty({ type: [EligibilityCheckDto], description: 'Every check, in the order they run, each with why' })
  checks!: EligibilityCheckDto[];

  @ApiPropertyOptional({
    description: 'Eligible: the figure the strategy ranked by (turn distance, credit, open leads, capacity…)',
  })
  strategyScore?: number;

  @ApiPropertyOptional({ example: 'credit 2.5' })
  strategyDetail?: string;

  @ApiProperty({ description: 'Got the lead' })
  chosen!: boolean;
}

/** Why a decision went the way it did: the rules tried, the account, every rep considered. */
export class RoutingTraceDto implements RoutingTrace {
  @ApiProperty({
    type: [RuleTraceDto],
    description: 'The rules tried, in order (none for escalations and manual moves)',
  })
  rules!: RuleTraceDto[];

  @ApiPropertyOptional({ type: AccountMatchDto, description: 'The account the lead matched, when a rule used it' })
  accountMatch?: AccountMatchDto;

  @ApiProperty({ type: [CandidateTraceDto], description: 'Every rep considered' })
  candidates!: CandidateTraceDto[];

  @ApiPropertyOptional({
    type: [String],
    description: 'What the decision worked around, and what a manager’s move bypassed',
    example: ['named by a sales manager: eligibility bypassed (outside working hours)'],
  })
  notes?: string[];
}
