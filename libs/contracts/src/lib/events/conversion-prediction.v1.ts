import { IsIn, IsInt, Max, Min } from 'class-validator';
import { composeRules, IsFiniteNumber } from '../validation/field-rules';

export const PREDICTION_MODES = ['shadow', 'active'] as const;
export type PredictionMode = (typeof PREDICTION_MODES)[number];

const IsProbability = (): PropertyDecorator => composeRules(IsFiniteNumber(), Min(0), Max(1));

/**
 * A lead's predicted chance of converting (won) once handed to sales, from the trained conversion model.
 * Optional on lead.scored.v1 and lead.qualified.v2: absent until a model is trained. In `shadow` mode nothing was
 * decided by it; in `active` mode the qualification rule may have used it.
 */
export class ConversionPredictionV1 {
  @IsProbability()
  probability!: number;

  /** A 95% interval from the model's uncertainty: wide while its history is thin. */
  @IsProbability()
  low!: number;

  @IsProbability()
  high!: number;

  @IsInt()
  @Min(1)
  modelVersion!: number;

  @IsIn(PREDICTION_MODES)
  mode!: PredictionMode;
}
