import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@handoff/platform-runtime';
import { DataSource } from 'typeorm';
import { DeliveryConfig } from '../app/delivery.config';

/** Rows deleted per statement: a large backlog is pruned in short transactions. */
const PRUNE_BATCH = 5000;
const PRUNE_INTERVAL_MS = 3_600_000;

/**
 * Prunes the delivery log: delivered and dead deliveries (with their attempts) older than
 * DELIVERY_RETENTION_DAYS. Pending ones are never pruned, whatever their age.
 */
@Injectable()
export class DeliveryRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryRetention.name);
  private task?: PeriodicTask;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: DeliveryConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.DELIVERY_DISPATCH_ENABLED) return;
    this.task = new PeriodicTask('delivery-retention', PRUNE_INTERVAL_MS, () => this.prune(), this.logger);
    this.task.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task?.stop();
  }

  /** Deletes what is past retention; answers how many deliveries it removed. */
  async prune(): Promise<number> {
    let removed = 0;
    for (;;) {
      const [, count] = await this.dataSource.query(
        `DELETE FROM deliveries WHERE id IN (
           SELECT id FROM deliveries WHERE status IN ('delivered', 'dead')
             AND created_at < now() - make_interval(days => $1) LIMIT $2)`,
        [this.config.DELIVERY_RETENTION_DAYS, PRUNE_BATCH],
      );
      removed += count;
      if (count < PRUNE_BATCH || this.task?.isStopped) return removed;
    }
  }
}
