import type { ConversionFactor, ConversionView } from '../prediction/conversion-view';
import { ApiProperty } from '@nestjs/swagger';
import {
  FIT_ATTRIBUTES,
  LIFECYCLE_SALES_OUTCOMES,
  type FitAttribute,
  type FitFactor,
  type GroupScore,
  type LifecycleState,
  type ScoreFactor,
  type StageChangeReason,
} from '@handoff/domain-scoring';
import { GRADES, LIFECYCLE_STAGES, type LifecycleStage } from '@handoff/shared-vocabulary';
import { everyValue } from '../app/every-value';
import type { ScoreView } from './score-view';

// OpenAPI schemas of ScoreView and its parts; `implements` keeps them in step with the views they document.

type BehaviourBreakdown = ScoreView['behaviour'];
type FitBreakdown = ScoreView['fit'];

export const STAGE_CHANGE_REASONS = [
  ...everyValue<Exclude<StageChangeReason, (typeof LIFECYCLE_SALES_OUTCOMES)[number]>>({
    engaged: true,
    qualified: true,
    went_cold: true,
    disqualified: true,
    merged: true,
  }),
  ...LIFECYCLE_SALES_OUTCOMES,
];

export class GroupScoreDto implements GroupScore {
  @ApiProperty({ example: 'intent' })
  groupId!: string;

  @ApiProperty({ example: 'Buying intent' })
  label!: string;

  @ApiProperty({ description: 'Decayed sum of the group’s positive contributions, before its limit' })
  earned!: number;

  @ApiProperty({ description: 'Decayed sum of the group’s negative contributions (zero or less)' })
  penalties!: number;

  @ApiProperty({ description: '`min(earned, limit) + penalties`' })
  score!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Null for a group no longer in the model' })
  limit!: number | null;
}

export class ScoreFactorDto implements ScoreFactor {
  @ApiProperty({ example: 'pricing-page' })
  ruleId!: string;

  @ApiProperty({ example: 'Viewed the pricing page' })
  label!: string;

  @ApiProperty({ description: 'The rule’s decayed points at `at`, before group and total limits' })
  points!: number;

  @ApiProperty({ type: String, nullable: true })
  groupId!: string | null;
}

export class BehaviourBreakdownDto implements BehaviourBreakdown {
  @ApiProperty({ description: 'The behaviour score: decayed, with group and total limits applied' })
  score!: number;

  @ApiProperty({ description: 'The decayed sum with no group or total limit applied' })
  uncapped!: number;

  @ApiProperty({ type: [GroupScoreDto] })
  groups!: GroupScoreDto[];

  @ApiProperty({ description: 'Decayed points of rules in no group' })
  ungrouped!: number;

  @ApiProperty({ type: [ScoreFactorDto], description: 'The rules weighing most, largest absolute points first' })
  topFactors!: ScoreFactorDto[];
}

export class FitFactorDto implements FitFactor {
  @ApiProperty({ example: 'fit-industry' })
  ruleId!: string;

  @ApiProperty({ example: 'Target industry' })
  label!: string;

  @ApiProperty({ description: `One of ${FIT_ATTRIBUTES.join(', ')}, or traits.<name>`, example: 'industry' })
  attribute!: FitAttribute;

  @ApiProperty()
  points!: number;
}

export class FitBreakdownDto implements FitBreakdown {
  @ApiProperty({ description: 'Sum of the matching fit rules’ points' })
  score!: number;

  @ApiProperty({ enum: GRADES, description: 'A is the best' })
  grade!: string;

  @ApiProperty({ type: [FitFactorDto] })
  factors!: FitFactorDto[];
}

export class LifecycleStateDto implements LifecycleState {
  @ApiProperty({ enum: LIFECYCLE_STAGES })
  stage!: LifecycleStage;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the lead entered `stage`' })
  since!: string | null;

  @ApiProperty({ type: String, enum: STAGE_CHANGE_REASONS, nullable: true })
  reason!: StageChangeReason | null;

  @ApiProperty({ type: String, nullable: true, description: 'Free text from sales (why rejected or lost)' })
  detail!: string | null;

  @ApiProperty({ description: 'Times the lead qualified (it can again after a recycle)' })
  qualificationCount!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastQualifiedAt!: string | null;
}

export class ConversionFactorDto implements ConversionFactor {
  @ApiProperty({ example: 'count:demo_request' })
  feature!: string;

  @ApiProperty({ description: 'The feature value the model read' })
  value!: number;

  @ApiProperty({ description: 'Coefficient × standardised value: what the feature adds to the log-odds' })
  contribution!: number;

  @ApiProperty({ example: '3 × demo request: raises the chance' })
  words!: string;
}

export class ConversionViewDto implements ConversionView {
  @ApiProperty({ minimum: 0, maximum: 1 })
  probability!: number;

  @ApiProperty({ description: 'Lower end of the 95% interval (wide while the training history is thin)' })
  low!: number;

  @ApiProperty({ description: 'Upper end of the 95% interval' })
  high!: number;

  @ApiProperty()
  modelVersion!: number;

  @ApiProperty({ enum: ['shadow', 'active'], description: 'shadow: nothing was decided by it' })
  mode!: 'shadow' | 'active';

  @ApiProperty({ type: [ConversionFactorDto], description: 'Largest effects first' })
  factors!: ConversionFactorDto[];
}

export class ScoreViewDto implements ScoreView {
  @ApiProperty({ format: 'uuid' })
  leadId!: string;

  @ApiProperty({ format: 'date-time', description: 'The instant the behaviour score is computed for' })
  at!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'The breakdown is exact for any `at` from this instant on; older contributions were folded into per-rule ' +
      'sums (the ledger keeps every one), so an earlier `at` is approximate. Null: exact at any instant',
  })
  exactFrom!: string | null;

  @ApiProperty({ description: 'The active model the score is computed with', example: '1' })
  modelVersion!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Set when the lead was merged into another: its own score is frozen, the survivor’s carries on',
  })
  mergedInto!: string | null;

  @ApiProperty({ type: BehaviourBreakdownDto })
  behaviour!: BehaviourBreakdownDto;

  @ApiProperty({ type: FitBreakdownDto, description: 'The lead’s current fit (profiles are not versioned)' })
  fit!: FitBreakdownDto;

  @ApiProperty({ type: LifecycleStateDto })
  lifecycle!: LifecycleStateDto;

  @ApiProperty({
    type: ConversionViewDto,
    nullable: true,
    description: 'The predicted chance of conversion at `at`; null while no conversion model is trained',
  })
  conversion!: ConversionViewDto | null;
}
