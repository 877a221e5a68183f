import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An event written in the same transaction as the state change that caused it; relayed by OutboxRelay. */
@Entity({ name: 'outbox' })
@Index('IDX_outbox_unpublished', ['id'], { where: 'published_at IS NULL' })
export class OutboxRecord {
  /** Relay order: rows are sent in id order. int8 arrives as a string from pg. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 249 })
  topic!: string;

  @Column({ name: 'message_key', type: 'text', nullable: true })
  messageKey!: string | null;

  /** Kept as text so the relay sends exactly the bytes the producer serialized. */
  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  headers!: Record<string, string>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
