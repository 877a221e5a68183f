import { Equals, IsBoolean } from 'class-validator';
import { EventEnvelope } from '../envelope';
import { IsCount, IsFiniteNumber, IsIdentifier, IsNonNegativeNumber } from '../validation/field-rules';

/**
 * A rep's current capacity and attainment. The topic is compacted by rep id, so a consumer that reads it
 * from the start learns every rep's latest state. Routing's capacity-aware strategy ranks reps by the room
 * left (`maxOpenLeads - openLeads`), then by `paceGap`.
 */
export class RepCapacityV1 extends EventEnvelope {
  @Equals(1)
  override schemaVersion!: 1;

  @IsIdentifier()
  repId!: string;

  @IsIdentifier()
  periodId!: string;

  @IsNonNegativeNumber()
  quotaAmount!: number;

  @IsNonNegativeNumber()
  attainedAmount!: number;

  /** attainedAmount / quotaAmount; may exceed 1 when a rep over-achieves. */
  @IsNonNegativeNumber()
  attainmentRatio!: number;

  /** Expected-to-date minus attained, in the quota's currency: positive = behind pace, negative = ahead. */
  @IsFiniteNumber()
  paceGap!: number;

  @IsCount()
  openLeads!: number;

  @IsCount()
  maxOpenLeads!: number;

  @IsBoolean()
  available!: boolean;
}
