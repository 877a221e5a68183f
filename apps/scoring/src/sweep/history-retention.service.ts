import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicTask } from '@handoff/platform-runtime';
import { ScoringConfig } from '../app/scoring.config';
import { LeadStateStore } from '../scoring/lead-state.store';

const DAY_MS = 86_400_000;
const RETENTION_INTERVAL_MS = 3_600_000;

/**
 * Bounds `lead_events`, the recorded inputs a backtest replays: rows recorded longer ago than
 * SCORING_HISTORY_RETENTION_DAYS are deleted in batches. Live scores never read this table (each lead's state
 * holds its contributions), so pruning changes only how far back a backtest can look. The ledger is the audit
 * trail and is kept. Batches claim rows with SKIP LOCKED, so replicas pruning at once split the work.
 */
@Injectable()
export class HistoryRetention implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(HistoryRetention.name);
  private readonly periodic: PeriodicTask;

  constructor(
    private readonly store: LeadStateStore,
    private readonly config: ScoringConfig,
  ) {
    this.periodic = new PeriodicTask('history retention', RETENTION_INTERVAL_MS, () => this.prune(), this.logger);
  }

  onApplicationBootstrap(): void {
    if (this.config.SCORING_HISTORY_RETENTION_DAYS > 0) this.periodic.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.periodic.stop();
  }

  /** Deletes the recorded inputs older than the retention as of `now`; returns how many. 0 days keeps them all. */
  async prune(now = new Date()): Promise<number> {
    const days = this.config.SCORING_HISTORY_RETENTION_DAYS;
    if (days === 0) return 0;
    const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
    let total = 0;
    for (;;) {
      const deleted = await this.store.pruneHistory(cutoff, this.config.SCORING_SWEEP_BATCH_SIZE);
      total += deleted;
      if (deleted < this.config.SCORING_SWEEP_BATCH_SIZE || this.periodic.isStopped) break;
    }
    if (total > 0) this.logger.log({ msg: 'recorded history pruned', deleted: total, olderThan: cutoff });
    return total;
  }
}
