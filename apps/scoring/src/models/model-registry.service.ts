import { Inject, Injectable, Logger } from '@nestjs/common';
import { parseScoringModel, validateScoringModel, type ScoringModel } from '@handoff/domain-scoring';
import { type StoredVersion, type VersionRecord, VersionedDocuments } from '@handoff/platform-database';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_SCORING_MODEL_TOKEN } from './model-file';

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
 * Stored scoring models (the scoring_models table): immutable per version, at most one active. Which version is
 * active is read from the database each time, so an activation on one replica takes effect on all of them at their
 * next chunk.
 */
@Injectable()
export class ModelRegistry {
  private readonly logger = new Logger(ModelRegistry.name);
  private readonly models: VersionedDocuments<ScoringModel>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(DEFAULT_SCORING_MODEL_TOKEN) private readonly defaultModel: ScoringModel,
  ) {
    this.models = new VersionedDocuments<ScoringModel>(dataSource, {
      table: 'scoring_models',
      kind: 'scoring model',
      wholeDocumentField: '(model)',
      validate: (json) => {
        const validation = validateScoringModel(json);
        return validation.ok ? { ok: true, document: validation.model } : validation;
      },
      parse: parseScoringModel,
      versionOf: (model) => model.version,
      columns: { model_id: (model) => model.id, name: (model) => model.name },
    });
  }

  /** The active model as the caller's transaction sees it; the shipped default when none was ever stored. */
  async active(manager: EntityManager = this.dataSource.manager): Promise<ScoringModel> {
    return (await this.models.active(manager)) ?? this.defaultModel;
  }

  async list(): Promise<ModelSummary[]> {
    return (await this.models.list()).map(summaryOf);
  }

  async get(version: string): Promise<ModelView> {
    return viewOf(await this.models.get(version));
  }

  /** Validates and stores a new version (inactive); 400 listing every problem, 409 if the version exists. */
  async create(json: unknown): Promise<ModelView> {
    return viewOf(await this.models.create(json));
  }

  /** Makes `version` the one active model; activating an older version is the rollback. */
  async activate(version: string): Promise<ModelView> {
    const activated = await this.models.activate(version);
    this.logger.log({ msg: 'scoring model activated', version });
    return viewOf(activated);
  }

  /** Stores and activates the shipped default model unless some model is already active; safe for replicas. */
  async ensureActiveModel(): Promise<void> {
    if (await this.models.activateIfNoneActive(this.defaultModel)) {
      this.logger.log({ msg: 'default scoring model activated', version: this.defaultModel.version });
    }
  }
}

function summaryOf(record: VersionRecord): ModelSummary {
  return {
    version: record.version,
    id: record.columns.model_id,
    name: record.columns.name,
    active: record.active,
    createdAt: record.createdAt.toISOString(),
    activatedAt: record.activatedAt?.toISOString() ?? null,
  };
}

function viewOf(stored: StoredVersion<ScoringModel>): ModelView {
  return { ...summaryOf(stored), model: stored.document };
}
