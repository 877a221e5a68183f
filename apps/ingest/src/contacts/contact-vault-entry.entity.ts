import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The contact details of one lead, sealed (AES-256-GCM under INGEST_SECRET_KEY, bound to the lead id), or the
 * tombstone of their erasure: no details, and when they were erased.
 */
@Entity({ name: 'contact_vault' })
export class ContactVaultEntry {
  @PrimaryColumn({ name: 'lead_id', type: 'uuid' })
  leadId!: string;

  /** The sealed ContactRecord JSON; null once erased. */
  @Column({ type: 'text', nullable: true })
  sealed!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;
}
