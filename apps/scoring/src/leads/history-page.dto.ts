import { ApiProperty } from '@nestjs/swagger';
import type { CapKind, LedgerEntryKind } from '@handoff/domain-scoring';
import { everyValue } from '../app/every-value';
import type { HistoryPage } from './lead-score.service';
import type { LedgerView } from './ledger.reader';

// OpenAPI schemas of a ledger page; `implements` keeps them in step with the views they document.

const LEDGER_ENTRY_KINDS = everyValue<LedgerEntryKind>({ awarded: true, adjusted: true, merged: true });
const CAP_KINDS = everyValue<CapKind>({ once_per_lead: true, rule_cap: true, window_cap: true });

export class LedgerEntryDto implements LedgerView {
  @ApiProperty({ description: 'Position in the ledger; increases with every change', example: '1042' })
  id!: string;

  @ApiProperty({
    enum: LEDGER_ENTRY_KINDS,
    description:
      'awarded: a rule matched an event; adjusted: an existing award changed when caps were re-applied (a late older ' +
      'event, a merge); merged: moved in from a merged lead',
  })
  kind!: LedgerEntryKind;

  @ApiProperty({ format: 'uuid', description: 'The engagement the contribution belongs to' })
  eventId!: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The event that caused this change: the engagement, an older late one, or the merge',
  })
  causeEventId!: string;

  @ApiProperty({ example: 'pricing-page' })
  ruleId!: string;

  @ApiProperty({ example: '1' })
  modelVersion!: string;

  @ApiProperty({ format: 'date-time', description: 'Event time of the engagement' })
  occurredAt!: string;

  @ApiProperty({ format: 'date-time', description: 'When scoring recorded the change' })
  recordedAt!: string;

  @ApiProperty({ description: 'What the rule offers' })
  points!: number;

  @ApiProperty({ description: 'The contribution’s award before this change (before decay)' })
  previousAwarded!: number;

  @ApiProperty({ description: 'The award after this change, as the caps allowed (before decay)' })
  awarded!: number;

  @ApiProperty({ description: 'The contribution’s decayed value at recordedAt' })
  pointsAfterDecay!: number;

  @ApiProperty({
    type: String,
    enum: CAP_KINDS,
    nullable: true,
    description: 'The limit that reduced the award, if any',
  })
  cap!: CapKind | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Set on merged entries' })
  mergedFromLeadId!: string | null;
}

export class HistoryPageDto implements HistoryPage {
  @ApiProperty({ format: 'uuid' })
  leadId!: string;

  @ApiProperty({ type: [LedgerEntryDto], description: 'Oldest change first' })
  items!: LedgerEntryDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
