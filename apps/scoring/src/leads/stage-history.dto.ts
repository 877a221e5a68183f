import { ApiProperty } from '@nestjs/swagger';
import type { StageChangeReason } from '@handoff/domain-scoring';
import { LIFECYCLE_STAGES, type LifecycleStage } from '@handoff/shared-vocabulary';
import type { StageHistory } from './lead-score.service';
import { STAGE_CHANGE_REASONS } from './score-view.dto';
import type { StageChangeView } from './stage-history.reader';

// OpenAPI schemas of a lead's stage history; `implements` keeps them in step with the views they document.

export class StageChangeDto implements StageChangeView {
  @ApiProperty({ enum: LIFECYCLE_STAGES })
  from!: LifecycleStage;

  @ApiProperty({ enum: LIFECYCLE_STAGES })
  to!: LifecycleStage;

  @ApiProperty({ format: 'date-time', description: 'When the lead entered `to`' })
  at!: string;

  @ApiProperty({ enum: STAGE_CHANGE_REASONS, description: 'What moved it: a score crossing, sales, a merge, decay' })
  reason!: StageChangeReason;

  @ApiProperty({ type: String, nullable: true, description: 'Free text from sales (why rejected or lost)' })
  detail!: string | null;
}

export class StageHistoryDto implements StageHistory {
  @ApiProperty({ format: 'uuid' })
  leadId!: string;

  @ApiProperty({
    type: [StageChangeDto],
    description: 'Oldest first. Changes made before scoring kept them (the release with this endpoint) are absent',
  })
  changes!: StageChangeDto[];
}
