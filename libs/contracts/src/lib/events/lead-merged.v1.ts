import { Equals, IsIn, IsUUID } from 'class-validator';
import { MERGE_REASONS, type MergeReason } from '@handoff/shared-vocabulary';
import { EventEnvelope } from '../envelope';
import { IsDifferentFrom } from '../validation/is-different-from.validator';

/**
 * Two leads turned out to be one person. Keyed by the surviving lead, so the merge is ordered with the
 * surviving lead's later events; consumers fold the merged lead's state into the survivor.
 */
export class LeadMergedV1 extends EventEnvelope {
  @Equals(1)
  override schemaVersion!: 1;

  @IsUUID()
  survivingLeadId!: string;

  @IsUUID()
  @IsDifferentFrom('survivingLeadId')
  mergedLeadId!: string;

  @IsIn(MERGE_REASONS)
  reason!: MergeReason;
}
