import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Outbox } from '@handoff/platform-database';
import { PeriodicTask } from '@handoff/platform-runtime';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { QuotaConfig } from '../app/quota.config';
import { QuotaBooks } from '../books/quota-books.store';
import { CapacityPublisher } from './capacity-publisher';
import { QuotaChanges } from './quota-changes';

/** Reps recomputed per transaction: a refresh of thousands of reps holds each rep lock only briefly. */
const REPS_PER_TRANSACTION = 500;

/**
 * Republishes capacity that moved without an outcome: pace moves with time alone (and a new period starts), and
 * an admin's change of quotas, team history, limits or rates moves figures too. Runs at its interval over every
 * known rep, and soon after a configuration change over the reps it names; only changed figures are published.
 */
@Injectable()
export class CapacityRefresher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CapacityRefresher.name);
  private task?: PeriodicTask;
  private subscription?: Subscription;
  private pending: Set<string> | 'all' = 'all';

  constructor(
    private readonly dataSource: DataSource,
    private readonly books: QuotaBooks,
    private readonly publisher: CapacityPublisher,
    private readonly outbox: Outbox,
    private readonly config: QuotaConfig,
    changes: QuotaChanges,
  ) {
    this.subscription = changes.changes.subscribe((change) => {
      if (change.reps === 'all' || this.pending === 'all') this.pending = 'all';
      else for (const repId of change.reps) this.pending.add(repId);
      this.task?.runSoon();
    });
  }

  onApplicationBootstrap(): void {
    if (!this.config.QUOTA_CONSUMERS_ENABLED) return;
    this.task = new PeriodicTask(
      'capacity-refresh',
      this.config.QUOTA_CAPACITY_REFRESH_MS,
      () => this.runOnce(),
      this.logger,
    );
    this.task.start();
    this.task.runSoon();
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscription?.unsubscribe();
    await this.task?.stop();
  }

  /** One pass over the pending reps (every known rep on a timed run); answers how many records it published. */
  async runOnce(): Promise<number> {
    const pending = this.pending;
    this.pending = new Set();
    const reps = pending === 'all' || pending.size === 0 ? await this.books.knownReps() : [...pending].sort();
    let published = 0;
    for (let start = 0; start < reps.length; start += REPS_PER_TRANSACTION) {
      const batch = reps.slice(start, start + REPS_PER_TRANSACTION);
      await this.dataSource.transaction(async (manager) => {
        const messages = await this.publisher.publish(manager, batch, new Date().toISOString());
        await this.outbox.add(manager, messages);
        published += messages.length;
      });
    }
    return published;
  }
}
