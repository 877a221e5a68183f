import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One person as ingest knows them. A merged lead keeps its row, pointing at the lead it became. */
@Entity({ name: 'leads' })
export class Lead {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'merged_into_lead_id', type: 'uuid', nullable: true })
  mergedIntoLeadId!: string | null;

  @Column({ name: 'merged_at', type: 'timestamptz', nullable: true })
  mergedAt!: Date | null;
}
