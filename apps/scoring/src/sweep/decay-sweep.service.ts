import { randomUUID } from 'node:crypto';
import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Outbox } from '@handoff/platform-database';
import { PeriodicTask } from '@handoff/platform-runtime';
import { DataSource } from 'typeorm';
import { ScoringConfig } from '../app/scoring.config';
import { ModelRegistry } from '../models/model-registry.service';
import { PredictionModelStore } from '../prediction/prediction-model.store';
import { LeadStateStore } from '../scoring/lead-state.store';
import { ScoringSession } from '../scoring/scoring-session';

/**
 * Scores are exact at read time without it; the sweep exists to *announce* the lifecycle change when an MQL's
 * decayed score crosses coldBelow with no event to trigger it. Each lead row carries `cold_at` (when that
 * happens, computed when the lead was last written), so a run only touches leads that are due. Rows are
 * claimed with FOR UPDATE SKIP LOCKED: replicas split the due leads instead of recycling one twice, and a
 * consumer applying an event to the same lead simply waits or is waited for.
 */
@Injectable()
export class DecaySweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DecaySweep.name);
  private readonly periodic: PeriodicTask;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: LeadStateStore,
    private readonly outbox: Outbox,
    private readonly models: ModelRegistry,
    private readonly predictions: PredictionModelStore,
    private readonly config: ScoringConfig,
  ) {
    this.periodic = new PeriodicTask('decay sweep', config.SCORING_SWEEP_INTERVAL_MS, () => this.sweep(), this.logger);
  }

  onApplicationBootstrap(): void {
    if (this.config.SCORING_SWEEP_ENABLED) this.periodic.start();
  }

  /** Before any module's shutdown hook, so the sweep in progress finishes while the database pool is still open. */
  beforeApplicationShutdown(): Promise<void> {
    return this.periodic.stop();
  }

  /** Sweeps until no full batch is left; returns how many leads were re-evaluated. */
  async sweep(now = new Date()): Promise<number> {
    let total = 0;
    for (;;) {
      const swept = await this.sweepBatch(now.toISOString());
      total += swept;
      if (swept < this.config.SCORING_SWEEP_BATCH_SIZE || this.periodic.isStopped) return total;
    }
  }

  private sweepBatch(now: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await this.store.lockDue(manager, now, this.config.SCORING_SWEEP_BATCH_SIZE);
      if (due.length === 0) return 0;
      const model = await this.models.active(manager);
      const predictor = await this.predictions.current(manager);
      const session = new ScoringSession(model, now, due, this.config.SCORING_EXACT_HISTORY_DAYS, predictor);
      const correlationId = randomUUID();
      for (const lead of due) session.recheck(lead.leadId, correlationId);
      const changes = session.changes();
      await this.store.save(manager, changes);
      await this.outbox.add(manager, changes.outbox);
      const recycled = changes.leads.filter((lead) => lead.snapshot.stage !== 'mql').length;
      this.logger.log({ msg: 'decay sweep', correlationId, due: due.length, recycled });
      return due.length;
    });
  }
}
