import { Inject, Injectable, Logger } from '@nestjs/common';
import { parseScoringModel, validateScoringModel, type ScoringModel } from '@handoff/domain-scoring';
import { DomainError } from '@handoff/shared-errors';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_SCORING_MODEL_TOKEN } from './model-file';
import { toFieldIssues } from './model-issues';
import type { ScoringModelRecord } from './scoring-model.entity';
import { ScoringModelStore } from './scoring-model.store';

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

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ScoringModelStore,
    @Inject(DEFAULT_SCORING_MODEL_TOKEN) private readonly defaultModel: ScoringModel,
  ) {}

  /** The active model as the caller's transaction sees it; the shipped default when none was ever stored. */
  async active(manager: EntityManager = this.dataSource.manager): Promise<ScoringModel> {
    const version = await this.store.activeVersion(manager);
    return version === null ? this.defaultModel : this.model(version, manager);
  }

  async list(): Promise<ModelSummary[]> {
    const records = await this.store.list();
    return records.map(summaryOf);
  }

  async get(version: string): Promise<ModelView> {
    const record = await this.store.find(version);
    if (!record) throw new DomainError('not-found', `no scoring model with version ${JSON.stringify(version)}`);
    return { ...summaryOf(record), model: parseScoringModel(record.definition) };
  }

  /** Validates and stores a new version (inactive); 400 listing every problem, 409 if the version exists. */
  async create(json: unknown): Promise<ModelView> {
    const validation = validateScoringModel(json);
    if (!validation.ok) {
      throw new DomainError('invalid', 'scoring model is invalid', { details: toFieldIssues(validation.issues) });
    }
    if (!(await this.store.insert(validation.model))) {
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
      const rows = await this.store.lockAll(manager);
      if (!rows.some((row) => row.version === version)) {
        throw new DomainError('not-found', `no scoring model with version ${JSON.stringify(version)}`);
      }
      await this.store.activate(manager, version);
    });
    this.logger.log({ msg: 'scoring model activated', version });
    return this.get(version);
  }

  /** Stores and activates the shipped default model unless some model is already active; safe for replicas. */
  async ensureActiveModel(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.store.lockForBootstrap(manager);
      if ((await this.store.activeVersion(manager)) !== null) return;
      await this.store.insert(this.defaultModel, manager);
      await this.store.activate(manager, this.defaultModel.version);
      this.logger.log({ msg: 'default scoring model activated', version: this.defaultModel.version });
    });
  }

  private async model(version: string, manager: EntityManager): Promise<ScoringModel> {
    const cached = this.parsed.get(version);
    if (cached) return cached;
    const model = parseScoringModel(await this.store.definition(manager, version));
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
