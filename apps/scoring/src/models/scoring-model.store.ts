import { Injectable } from '@nestjs/common';
import type { ScoringModel } from '@handoff/domain-scoring';
import { DataSource, type EntityManager } from 'typeorm';
import { ScoringModelRecord } from './scoring-model.entity';

/** The scoring_models table. Methods given a manager run in the caller's transaction. */
@Injectable()
export class ScoringModelStore {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<ScoringModelRecord[]> {
    return this.dataSource.getRepository(ScoringModelRecord).find({ order: { createdAt: 'ASC' } });
  }

  find(version: string): Promise<ScoringModelRecord | null> {
    return this.dataSource.getRepository(ScoringModelRecord).findOneBy({ version });
  }

  /** The active version as the transaction sees it; null when none is active. */
  async activeVersion(manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const rows: Array<{ version: string }> = await manager.query(`SELECT version FROM scoring_models WHERE active`);
    return rows.length === 0 ? null : rows[0].version;
  }

  async definition(manager: EntityManager, version: string): Promise<unknown> {
    const rows: Array<{ definition: unknown }> = await manager.query(
      `SELECT definition FROM scoring_models WHERE version = $1`,
      [version],
    );
    return rows[0].definition;
  }

  /** Stores a new version, inactive; false when that version exists already. */
  async insert(model: ScoringModel, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO scoring_models (version, model_id, name, definition) VALUES ($1, $2, $3, $4)
       ON CONFLICT (version) DO NOTHING RETURNING version`,
      [model.version, model.id, model.name, JSON.stringify(model)],
    );
    return rows.length === 1;
  }

  /** Locks every row until commit, so concurrent activations run one after the other; returns their versions. */
  lockAll(manager: EntityManager): Promise<Array<{ version: string }>> {
    return manager.query(`SELECT version FROM scoring_models ORDER BY version FOR UPDATE`);
  }

  /** Blocks other writers (not readers) until commit, so replicas booting together store the default once. */
  async lockForBootstrap(manager: EntityManager): Promise<void> {
    await manager.query(`LOCK TABLE scoring_models IN SHARE ROW EXCLUSIVE MODE`);
  }

  /** Makes `version` the one active model; activating the active one changes nothing. */
  async activate(manager: EntityManager, version: string): Promise<void> {
    await manager.query(`UPDATE scoring_models SET active = false WHERE active AND version <> $1`, [version]);
    await manager.query(
      `UPDATE scoring_models SET active = true, activated_at = now() WHERE version = $1 AND NOT active`,
      [version],
    );
  }
}
