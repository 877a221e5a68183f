import { Equals, IsIn, IsUUID } from 'class-validator';
import { GRADES, LIFECYCLE_STAGES, type Grade, type LifecycleStage } from '@handoff/shared-vocabulary';
import { EventEnvelope } from '../envelope';
import { IsFiniteNumber, IsIdentifier, IsNestedArray, IsOptionalNested, IsText } from '../validation/field-rules';
import { ConversionPredictionV1 } from './conversion-prediction.v1';

export const MAX_TOP_FACTORS = 10;

/** One scoring rule's contribution, so sales can see why a lead scores what it does. */
export class ScoreFactorV1 {
  @IsIdentifier()
  ruleId!: string;

  @IsText(200)
  label!: string;

  @IsFiniteNumber()
  points!: number;
}

/** A lead's scores after a change. Scores may be negative (decay, unsubscribes). */
export class LeadScoredV1 extends EventEnvelope {
  @Equals(1)
  override schemaVersion!: 1;

  @IsUUID()
  leadId!: string;

  @IsFiniteNumber()
  behaviourScore!: number;

  @IsFiniteNumber()
  fitScore!: number;

  @IsIn(GRADES)
  grade!: Grade;

  @IsIn(LIFECYCLE_STAGES)
  lifecycleStage!: LifecycleStage;

  @IsIdentifier()
  modelVersion!: string;

  @IsNestedArray(() => ScoreFactorV1, { min: 0, max: MAX_TOP_FACTORS })
  topFactors!: ScoreFactorV1[];

  /** Added after v1 shipped, optional so existing consumers are unaffected: absent until a model is trained. */
  @IsOptionalNested(() => ConversionPredictionV1)
  conversion?: ConversionPredictionV1;
}
