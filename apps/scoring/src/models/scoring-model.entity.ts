import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One stored version of a scoring model; `definition` is the validated model JSON, never edited once stored. */
@Entity({ name: 'scoring_models' })
export class ScoringModelRecord {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  version!: string;

  @Column({ name: 'model_id', type: 'varchar', length: 128 })
  modelId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'jsonb' })
  definition!: unknown;

  @Column({ type: 'boolean', default: false })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true })
  activatedAt!: Date | null;
}
