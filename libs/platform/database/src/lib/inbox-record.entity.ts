import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One applied event per consumer; lives in the service schema (see InboxOutboxTables migration). */
@Entity({ name: 'inbox' })
@Index('IDX_inbox_processed_at', ['processedAt'])
export class InboxRecord {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  consumer!: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ type: 'varchar', length: 249, nullable: true })
  topic!: string | null;

  @Column({ type: 'integer', nullable: true })
  partition!: number | null;

  /** int8 arrives as a string from pg, like Kafka offsets in kafkajs. */
  @Column({ type: 'bigint', nullable: true })
  offset!: string | null;

  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' })
  processedAt!: Date;
}
