import { type BeforeApplicationShutdown, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Inbox } from '@handoff/platform-database';
import { PeriodicTask } from './periodic-task';

const DAY_MS = 86_400_000;

export interface InboxRetentionOptions {
  /** Rows claimed longer ago than this are deleted. */
  retentionDays: number;
  /** Time between two pruning runs. Default one hour. */
  intervalMs?: number;
  /** Rows deleted per statement (one short transaction each). Default 1000. */
  batchSize?: number;
}

/**
 * Bounds the inbox: an event id is only needed while its event can still be delivered again, so rows older than
 * the retention (README "Resource bounds") are deleted, in small batches, every interval while the service runs.
 */
export class InboxRetention implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(InboxRetention.name);
  private readonly periodic: PeriodicTask;
  private readonly batchSize: number;

  constructor(
    private readonly inbox: Inbox,
    private readonly options: InboxRetentionOptions,
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.periodic = new PeriodicTask(
      'inbox retention',
      options.intervalMs ?? 3_600_000,
      () => this.prune(),
      this.logger,
    );
  }

  onApplicationBootstrap(): void {
    this.periodic.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.periodic.stop();
  }

  /** Deletes the rows claimed before the retention as of `now`, batch by batch; returns how many. */
  async prune(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.options.retentionDays * DAY_MS);
    let total = 0;
    for (;;) {
      const deleted = await this.inbox.pruneBatch(cutoff, this.batchSize);
      total += deleted;
      if (deleted < this.batchSize || this.periodic.isStopped) break;
    }
    if (total > 0) this.logger.log({ msg: 'inbox pruned', deleted: total, olderThan: cutoff.toISOString() });
    return total;
  }
}
