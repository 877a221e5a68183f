import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  DEFAULT_TRAINING_POLICY,
  type HandOffRecord,
  type OutcomeCounts,
  type TrainingMinimum,
  type ValidationReport,
  trainOnHandOffs,
} from '@handoff/domain-prediction';
import { advisoryLockKeys, LockPurpose } from '@handoff/platform-database';
import { PeriodicTask } from '@handoff/platform-runtime';
import { DataSource, type EntityManager } from 'typeorm';
import { ScoringConfig } from '../app/scoring.config';
import { PredictionModelStore } from './prediction-model.store';

export type TrainingOutcome =
  | { status: 'trained'; version: number; validation: ValidationReport }
  | { status: 'unchanged'; version: number; reason: string }
  | { status: 'not_enough_data'; counts: OutcomeCounts; minimum: TrainingMinimum; reason: string }
  | { status: 'busy'; reason: string };

interface HandOffRow {
  handed_at: Date;
  snapshot: HandOffRecord['snapshot'];
  outcome: HandOffRecord['outcome'];
}

/**
 * Trains conversion models from the recorded hand-offs, on a schedule and on demand. One replica trains at a
 * time (a transaction-scoped advisory lock); a scheduled run that finds no new labelled hand-off since the newest
 * model stores nothing, so versions mark new evidence, not the passing of time.
 */
@Injectable()
export class PredictionTrainer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PredictionTrainer.name);
  private readonly periodic: PeriodicTask;

  constructor(
    private readonly dataSource: DataSource,
    private readonly models: PredictionModelStore,
    private readonly config: ScoringConfig,
  ) {
    this.periodic = new PeriodicTask(
      'conversion model training',
      config.SCORING_PREDICTION_TRAIN_INTERVAL_MS,
      () => this.train({ onlyWithNewOutcomes: true }),
      this.logger,
    );
  }

  onApplicationBootstrap(): void {
    if (this.config.SCORING_PREDICTION_TRAINING_ENABLED) this.periodic.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.periodic.stop();
  }

  async train(options: { onlyWithNewOutcomes: boolean; now?: Date }): Promise<TrainingOutcome> {
    const now = (options.now ?? new Date()).getTime();
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.lockTraining(manager))) return { status: 'busy', reason: 'another replica is training' };
      const records = await this.handOffs(manager);
      const training = trainOnHandOffs(records, now, {
        openHorizonDays: this.config.SCORING_PREDICTION_OPEN_HORIZON_DAYS,
        policy: { ...DEFAULT_TRAINING_POLICY, minimum: this.minimum() },
      });
      if (training.result.status === 'not_enough_data') {
        const { counts, minimum, reason } = training.result;
        return { status: 'not_enough_data', counts, minimum, reason };
      }
      const { model } = training.result;
      const newest = (await this.models.list()).at(-1);
      const labelled = labelledOf(model);
      if (options.onlyWithNewOutcomes && newest !== undefined && labelledOf(newest.model) === labelled) {
        return { status: 'unchanged', version: newest.version, reason: 'no new outcome since the newest model' };
      }
      const stored = await this.models.insert(model, training.definition, manager);
      this.logger.log({
        msg: 'conversion model trained',
        version: stored.version,
        labelled,
        auc: model.validation.auc,
      });
      return { status: 'trained', version: stored.version, validation: model.validation };
    });
  }

  private minimum(): TrainingMinimum {
    return {
      labelled: this.config.SCORING_PREDICTION_MIN_LABELLED,
      converted: this.config.SCORING_PREDICTION_MIN_CONVERTED,
      notConverted: this.config.SCORING_PREDICTION_MIN_NOT_CONVERTED,
    };
  }

  private async lockTraining(manager: EntityManager): Promise<boolean> {
    const [purpose, key] = advisoryLockKeys(LockPurpose.ModelTraining, this.config.DATABASE_SCHEMA);
    const rows: { locked: boolean }[] = await manager.query(`SELECT pg_try_advisory_xact_lock($1, $2) AS locked`, [
      purpose,
      key,
    ]);
    return rows[0].locked;
  }

  /** The newest hand-offs, up to the configured bound: training time grows with them (README "Predictive scoring"). */
  private async handOffs(manager: EntityManager): Promise<HandOffRecord[]> {
    const rows: HandOffRow[] = await manager.query(
      `SELECT handed_at, snapshot, outcome FROM lead_handoffs ORDER BY handed_at DESC LIMIT $1`,
      [this.config.SCORING_PREDICTION_MAX_TRAINING_LEADS],
    );
    return rows.map((row) => ({ handedAt: row.handed_at.getTime(), snapshot: row.snapshot, outcome: row.outcome }));
  }
}

function labelledOf(model: { training: { counts: OutcomeCounts }; validation: { counts: OutcomeCounts } }): number {
  return model.training.counts.labelled + model.validation.counts.labelled;
}
