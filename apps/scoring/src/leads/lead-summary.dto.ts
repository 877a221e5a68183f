import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GRADES, LIFECYCLE_STAGES, type Grade, type LifecycleStage } from '@handoff/shared-vocabulary';
import type { LeadSearchResult, QualifiedLeadsPage } from './lead-lists.service';
import type { LeadMatch, LeadSummary } from './lead-summary.reader';

// OpenAPI schemas of the console's lead lists; `implements` keeps them in step with the views they document.

export class LeadSummaryDto implements LeadSummary {
  @ApiProperty({ format: 'uuid' })
  leadId!: string;

  @ApiPropertyOptional({ enum: ['company', 'domain'], description: 'Search only: what the term matched' })
  matchedBy?: LeadMatch;

  @ApiPropertyOptional({ example: 'Acme Corp' })
  company?: string;

  @ApiPropertyOptional({ example: 'acme.com' })
  companyDomain?: string;

  @ApiProperty({ enum: LIFECYCLE_STAGES })
  stage!: LifecycleStage;

  @ApiProperty({ description: 'The behaviour score at `updatedAt` (it has decayed since)' })
  behaviourScore!: number;

  @ApiProperty()
  fitScore!: number;

  @ApiProperty({ enum: GRADES })
  grade!: Grade;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the lead last became an MQL, if it ever did' })
  qualifiedAt?: string;

  @ApiProperty({ format: 'date-time', description: 'When scoring last changed the lead' })
  updatedAt!: string;
}

export class LeadSearchResultDto implements LeadSearchResult {
  @ApiProperty({ type: [LeadSummaryDto], description: 'Most recently changed first; merged leads are left out' })
  leads!: LeadSummaryDto[];
}

export class QualifiedLeadsPageDto implements QualifiedLeadsPage {
  @ApiProperty({ type: [LeadSummaryDto], description: 'Latest qualification first; merged leads are left out' })
  leads!: LeadSummaryDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `before` for the next (older) page; null on the last page',
  })
  nextBefore!: string | null;
}
