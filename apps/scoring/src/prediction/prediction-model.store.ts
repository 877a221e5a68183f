import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { PredictionMode } from '@handoff/contracts';
import type { ConversionModel, FeatureDefinition } from '@handoff/domain-prediction';
import { DataSource, type EntityManager } from 'typeorm';
import type { Predictor } from './live-prediction';

export type ModelStatus = PredictionMode | 'retired';

export interface PredictionModelRecord {
  version: number;
  status: ModelStatus;
  trainedAt: string;
  qualifiesAt: number | null;
  activatedAt: string | null;
  model: ConversionModel;
  definition: FeatureDefinition;
}

interface ModelRow {
  version: number;
  status: ModelStatus;
  trained_at: Date;
  qualifies_at: number | null;
  activated_at: Date | null;
  model?: ConversionModel;
  definition?: FeatureDefinition;
}

/**
 * Trained conversion models (the prediction_models table): each version is immutable but for its status. New
 * versions are shadows; at most one is active. Which model predicts is read from the database at every chunk
 * (one small query), the model itself is cached by version, so an activation on one replica takes effect on all.
 */
@Injectable()
export class PredictionModelStore {
  private readonly cache = new Map<number, { model: ConversionModel; definition: FeatureDefinition }>();

  constructor(private readonly dataSource: DataSource) {}

  /** The active model, else the newest shadow; null while none was ever trained. */
  async current(manager: EntityManager = this.dataSource.manager): Promise<Predictor | null> {
    const rows: ModelRow[] = await manager.query(
      `SELECT version, status, qualifies_at FROM prediction_models WHERE status <> 'retired'
       ORDER BY status = 'active' DESC, version DESC LIMIT 1`,
    );
    if (rows.length === 0) return null;
    const [row] = rows;
    const { model, definition } = await this.cached(manager, row.version);
    return {
      version: row.version,
      mode: row.status as PredictionMode,
      qualifiesAt: row.qualifies_at,
      model,
      definition,
    };
  }

  async insert(
    model: ConversionModel,
    definition: FeatureDefinition,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PredictionModelRecord> {
    const rows: ModelRow[] = await manager.query(
      `INSERT INTO prediction_models (model, definition) VALUES ($1, $2) RETURNING *`,
      [JSON.stringify(model), JSON.stringify(definition)],
    );
    return recordOf(rows[0]);
  }

  async list(): Promise<PredictionModelRecord[]> {
    const rows: ModelRow[] = await this.dataSource.query(`SELECT * FROM prediction_models ORDER BY version`);
    return rows.map(recordOf);
  }

  async get(version: number): Promise<PredictionModelRecord> {
    const rows: ModelRow[] = await this.dataSource.query(`SELECT * FROM prediction_models WHERE version = $1`, [
      version,
    ]);
    if (rows.length === 0) throw new NotFoundException(`no conversion model has version ${version}`);
    return recordOf(rows[0]);
  }

  /** Makes `version` the active model with its qualification threshold; the one active before is retired. */
  async activate(version: number, qualifiesAt: number): Promise<PredictionModelRecord> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockVersion(manager, version);
      await manager.query(`UPDATE prediction_models SET status = 'retired' WHERE status = 'active' AND version <> $1`, [
        version,
      ]);
      const rows: [ModelRow[], number] = await manager.query(
        `UPDATE prediction_models SET status = 'active', qualifies_at = $2, activated_at = now()
         WHERE version = $1 RETURNING *`,
        [version, qualifiesAt],
      );
      return recordOf(rows[0][0]);
    });
  }

  /** Back to shadow: it keeps predicting, but decides nothing. */
  async deactivate(version: number): Promise<PredictionModelRecord> {
    return this.dataSource.transaction(async (manager) => {
      const status = await this.lockVersion(manager, version);
      if (status !== 'active') throw new ConflictException(`conversion model ${version} is not active`);
      const rows: [ModelRow[], number] = await manager.query(
        `UPDATE prediction_models SET status = 'shadow', qualifies_at = NULL WHERE version = $1 RETURNING *`,
        [version],
      );
      return recordOf(rows[0][0]);
    });
  }

  private async lockVersion(manager: EntityManager, version: number): Promise<ModelStatus> {
    // Activations serialise on the active row's index as well; this lock makes a missing version a clear 404.
    const rows: ModelRow[] = await manager.query(`SELECT status FROM prediction_models WHERE version = $1 FOR UPDATE`, [
      version,
    ]);
    if (rows.length === 0) throw new NotFoundException(`no conversion model has version ${version}`);
    return rows[0].status;
  }

  private async cached(manager: EntityManager, version: number) {
    const known = this.cache.get(version);
    if (known) return known;
    const rows: ModelRow[] = await manager.query(`SELECT model, definition FROM prediction_models WHERE version = $1`, [
      version,
    ]);
    const loaded = { model: rows[0].model as ConversionModel, definition: rows[0].definition as FeatureDefinition };
    this.cache.set(version, loaded);
    return loaded;
  }
}

function recordOf(row: ModelRow): PredictionModelRecord {
  return {
    version: row.version,
    status: row.status,
    trainedAt: row.trained_at.toISOString(),
    qualifiesAt: row.qualifies_at,
    activatedAt: row.activated_at?.toISOString() ?? null,
    model: row.model as ConversionModel,
    definition: row.definition as FeatureDefinition,
  };
}
