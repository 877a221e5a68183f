import { ApiProperty } from '@nestjs/swagger';
import type { ConversionRate } from '@handoff/domain-prediction';
import type { RuleInsight, RuleInsights } from './rule-insights.service';

// The OpenAPI schemas of GET /models/:version/insights; `implements` keeps them in step with the code.

export class ConversionRateDto implements ConversionRate {
  @ApiProperty({ description: 'Labelled hand-offs on this side' }) leads!: number;
  @ApiProperty({ description: 'Of which won' }) converted!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'converted / leads; null without leads' })
  rate!: number | null;
  @ApiProperty({ type: [Number], nullable: true, description: '95% Wilson interval [low, high] of the rate' })
  interval!: [number, number] | null;
}

export class RuleInsightDto implements RuleInsight {
  @ApiProperty() ruleId!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: ['behaviour', 'fit'] }) kind!: 'behaviour' | 'fit';
  @ApiProperty({ type: ConversionRateDto, description: 'Leads that hit the rule before their hand-off' })
  hit!: ConversionRateDto;
  @ApiProperty({ type: ConversionRateDto, description: 'Leads that did not' })
  notHit!: ConversionRateDto;
  @ApiProperty({ type: Number, nullable: true, description: 'hit.rate / notHit.rate' })
  lift!: number | null;
  @ApiProperty({ type: [Number], nullable: true, description: '95% interval [low, high] of the lift' })
  liftInterval!: [number, number] | null;
  @ApiProperty() currentPoints!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Log-odds weight in a fit on every rule at once; null when fewer than 10 leads hit or missed it',
  })
  weight!: number | null;
  @ApiProperty({ description: 'The weight in points, scaled to the total size of today’s points; today’s if unknown' })
  suggestedPoints!: number;
}

export class RuleInsightsDto implements RuleInsights {
  @ApiProperty({ example: '2' }) modelVersion!: string;
  @ApiProperty({ example: { labelled: 420, converted: 96 } }) leads!: { labelled: number; converted: number };
  @ApiProperty({ type: [RuleInsightDto] }) rules!: RuleInsightDto[];
}
