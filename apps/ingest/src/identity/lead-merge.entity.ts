import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { MergeReason } from '@handoff/vocabulary';

/** History of merges: each row is one lead folded into another, and the lead.merged.v1 event that said so. */
@Entity({ name: 'lead_merges' })
@Index('IDX_lead_merges_surviving_lead_id', ['survivingLeadId'])
// A lead is merged at most once; afterwards it resolves to its survivor.
@Unique('UQ_lead_merges_merged_lead_id', ['mergedLeadId'])
@Unique('UQ_lead_merges_event_id', ['eventId'])
export class LeadMerge {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'surviving_lead_id', type: 'uuid' })
  survivingLeadId!: string;

  @Column({ name: 'merged_lead_id', type: 'uuid' })
  mergedLeadId!: string;

  @Column({ type: 'varchar', length: 32 })
  reason!: MergeReason;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  /** Time of the source call that revealed the merge (the event's occurredAt). */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
