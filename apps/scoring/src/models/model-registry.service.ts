import { Injectable, Logger } from '@nestjs/common';
import {
  DEFAULT_SCORING_MODEL,
  parseScoringModel,
  validateScoringModel,
  type ScoringModel,
} from '@handoff/domain-scoring';
import { DomainError } from '@handoff/shared-errors';
import { DataSource, type EntityManager } from 'typeorm';
import { toFieldIssues } from './model-issues';
import { ScoringModelRecord } from './scoring-model.entity';

export interface ModelSummary {
  version: string;
  id: string;
  name: string;
  active: boolean;
  createdAt: string;
  activatedAt: string | null;
}

export interface ModelView extends ModelSummary {
  model: ScoringModel;
}

/**
 * Stored scoring models: immutable per version, at most one active. Parsed models are cached by version,
 * which is safe because a version's definition never changes; which version is active is read from the
 * database each time, so an activation on one replica takes effect on all of them at their next chunk.
 */
@Injectable()
export class ModelRegistry {
  private readonly logger = new Logger(ModelRegistry.name);
  private readonly parsed = new Map<string, ScoringModel>();

  constructor(private readonly dataSource: DataSource) {}

  /** The active model as the caller's transaction sees it; the shipped default when none was ever stored. */
  async active(manager: EntityManager = this.dataSource.manager): Promise<ScoringModel> {
    const rows: Array<{ version: string }> = await manager.query(`SELECT version FROM scoring_models WHERE active`);
    return rows.length === 0 ? DEFAULT_SCORING_MODEL : this.model(rows[0].version, manager);
  }

  async list(): Promise<ModelSummary[]> {
    const records = await this.dataSource.getRepository(ScoringModelRecord).find({ order: { createdAt: 'ASC' } });
    return records.map(summaryOf);
  }

  async get(version: string): Promise<ModelView> {
    const record = await this.dataSource.getRepository(ScoringModelRecord).findOneBy({ version });
    if (!record) throw new DomainError('not-found', `no scoring model with version ${JSON.stringify(version)}`);
    return { ...summaryOf(record), model: parseScoringModel(record.definition) };
  }

  /** Validates and stores a new version (inactive); 400 listing every problem, 409 if the version exists. */
  async create(json: unknown): Promise<ModelView> {
    const validation = validateScoringModel(json);
    if (!validation.ok) {
      throw new DomainError('invalid', 'scoring model is invalid', { details: toFieldIssues(validation.issues) });
    }
    if (!(await this.insert(validation.model, this.dataSource.manager))) {
      throw new DomainError(
        'conflict',
        `a scoring model with version ${JSON.stringify(validation.model.version)} exists`,
      );
    }
    return this.get(validation.model.version);
  }

  /** Makes `version` the one active model; activating an older version is the rollback. */
  async activate(version: string): Promise<ModelView> {
    await this.dataSource.transaction(async (manager) => {
      // Locking every row serialises concurrent activations, so the second sees the first one's result.
      const rows: Array<{ version: string }> = await manager.query(
        `SELECT version FROM scoring_models ORDER BY version FOR UPDATE`,
      );
      if (!rows.some((row) => row.version === version)) {
        throw new DomainError('not-found', `no scoring model with version ${JSON.stringify(version)}`);
      }
      await manager.query(`UPDATE scoring_models SET active = false WHERE active AND version <> $1`, [version]);
      await manager.query(
        `UPDATE scoring_models SET active = true, activated_at = now() WHERE version = $1 AND NOT active`,
        [version],
      );
    });
    this.logger.log({ msg: 'scoring model activated', version });
    return this.get(version);
  }

  /** Stores and activates the shipped default model unless some model is already active; safe for replicas. */
  async ensureActiveModel(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`LOCK TABLE scoring_models IN SHARE ROW EXCLUSIVE MODE`);
      const active: unknown[] = await manager.query(`SELECT 1 FROM scoring_models WHERE active`);
      if (active.length > 0) return;
      await this.insert(DEFAULT_SCORING_MODEL, manager);
      await manager.query(`UPDATE scoring_models SET active = true, activated_at = now() WHERE version = $1`, [
        DEFAULT_SCORING_MODEL.version,
      ]);
      this.logger.log({ msg: 'default scoring model activated', version: DEFAULT_SCORING_MODEL.version });
    });
  }

  private async insert(model: ScoringModel, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO scoring_models (version, model_id, name, definition) VALUES ($1, $2, $3, $4)
       ON CONFLICT (version) DO NOTHING RETURNING version`,
      [model.version, model.id, model.name, JSON.stringify(model)],
    );
    return rows.length === 1;
  }

  private async model(version: string, manager: EntityManager): Promise<ScoringModel> {
    const cached = this.parsed.get(version);
    if (cached) return cached;
    const rows: Array<{ definition: unknown }> = await manager.query(
      `SELECT definition FROM scoring_models WHERE version = $1`,
      [version],
    );
    const model = parseScoringModel(rows[0].definition);
    this.parsed.set(version, model);
    return model;
  }
}

function summaryOf(record: ScoringModelRecord): ModelSummary {
  return {
    version: record.version,
    id: record.modelId,
    name: record.name,
    active: record.active,
    createdAt: record.createdAt.toISOString(),
    activatedAt: record.activatedAt?.toISOString() ?? null,
  };
}
