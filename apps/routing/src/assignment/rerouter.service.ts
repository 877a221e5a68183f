import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@handoff/platform-runtime';
import { merge, type Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { RoutingConfig } from '../app/routing.config';
import { DirectoryChanges } from '../directory/directory-changes';
import { AssignmentStore } from './assignment.store';
import type { AssignmentRecord, QualificationRecord } from './assignment.types';
import { RoutingDecisions } from './routing-decisions';
import { RoutingMetrics } from './routing.metrics';
import { RoutingSignals } from './routing-signals';

/**
 * The timers: assignments whose SLA passed go to the next rep, and queued leads are tried again. The deadlines
 * and the queue live in the database, so they survive restarts; every replica may run this, and the decision
 * lock plus the status each run re-reads make each timer fire once. Runs at its interval and as soon as this
 * process hears that someone may have become eligible.
 */
@Injectable()
export class Rerouter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Rerouter.name);
  private task?: PeriodicTask;
  private subscription?: Subscription;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: AssignmentStore,
    private readonly decisions: RoutingDecisions,
    private readonly config: RoutingConfig,
    private readonly metrics: RoutingMetrics,
    private readonly signals: RoutingSignals,
    private readonly directoryChanges: DirectoryChanges,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.ROUTING_REROUTER_ENABLED) return;
    this.task = new PeriodicTask(
      'rerouter',
      this.config.ROUTING_REROUTE_INTERVAL_MS,
      () => this.runOnce(),
      this.logger,
    );
    this.subscription = merge(this.signals.roomMayHaveOpened, this.directoryChanges.changes).subscribe(() =>
      this.task?.runSoon(),
    );
    this.task.start();
    this.task.runSoon();
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscription?.unsubscribe();
    await this.task?.stop();
  }

  /** One pass: missed SLAs first (those leads have waited longest for a human), then the queue. */
  async runOnce(): Promise<{ reassigned: number; routedFromQueue: number }> {
    const reassigned = await this.reassignOverdue();
    const routedFromQueue = await this.drainQueue();
    this.metrics.queued.set(await this.store.queuedCount(this.dataSource.manager));
    return { reassigned, routedFromQueue };
  }

  /** Overdue assignments are read under the decision lock, so a deadline another replica handled is not seen. */
  private async reassignOverdue(): Promise<number> {
    let overdue: AssignmentRecord[] = [];
    await this.decisions.runAlone(
      async (manager) => {
        const now = new Date().toISOString();
        overdue = await this.store.overdue(manager, now, this.config.ROUTING_REROUTE_BATCH_SIZE);
        return this.store.qualifications(manager, [...new Set(overdue.map((a) => a.qualificationId))]);
      },
      (session) => {
        for (const assignment of overdue) session.slaMissed(assignment);
      },
    );
    return overdue.length;
  }

  private async drainQueue(): Promise<number> {
    let queued: QualificationRecord[] = [];
    let routed = 0;
    await this.decisions.runAlone(
      async (manager) => {
        queued = await this.store.queued(manager, this.config.ROUTING_REROUTE_BATCH_SIZE);
        return queued;
      },
      (session) => {
        for (const qualification of queued) if (session.retryQueued(qualification)) routed += 1;
      },
    );
    return routed;
  }
}
