import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One line of the audit log: who did what to what, when, and how it ended. Written once, never changed. */
@Entity({ name: 'audit_log' })
export class AuditEntry {
  // bigint: TypeORM reads it as a string, which is also how pages name their keyset cursor.
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ name: 'actor_id', type: 'varchar', length: 512 })
  actorId!: string;

  @Column({ name: 'actor_name', type: 'varchar', length: 256 })
  actorName!: string;

  @Column({ type: 'varchar', length: 128 })
  action!: string;

  @Column({ type: 'varchar', length: 512 })
  target!: string;

  @Column({ type: 'varchar', length: 16 })
  outcome!: 'succeeded' | 'failed';

  @Column({ type: 'jsonb', nullable: true })
  detail!: Record<string, unknown> | null;
}
