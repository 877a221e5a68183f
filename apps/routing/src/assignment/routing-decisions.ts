import { Injectable } from '@nestjs/common';
import { type NewOutboxMessage, Outbox } from '@handoff/platform-database';
import { poisonOnThrow } from '@handoff/platform-kafka';
import { DataSource, type EntityManager } from 'typeorm';
import { RoutingConfig } from '../app/routing.config';
import { AssignmentStore } from './assignment.store';
import { isLive, type QualificationRecord } from './assignment.types';
import { DecisionContextLoader } from './decision-context-loader';
import { RoutingSession } from './routing-session';
import { RoutingMetrics } from './routing.metrics';
import { RoutingSignals } from './routing-signals';

type Prepare = (manager: EntityManager) => Promise<readonly QualificationRecord[]>;
/** Decides in memory; what it returns is handed back to the caller. */
type Work<T> = (session: RoutingSession) => T;

export interface DecidedWork {
  /** The events to publish, stored in the outbox by the caller's transaction. */
  outbox: NewOutboxMessage[];
  /** Metrics and signals about the decisions: call it once the transaction committed, never before. */
  afterCommit: () => void;
}

/**
 * Runs decisions inside the caller's transaction: takes the decision lock, loads what a session reads (rules,
 * directory, loads, capacities, turn order, the given qualifications' attempts), lets `work` decide in memory,
 * and saves everything it changed.
 */
@Injectable()
export class RoutingDecisions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly store: AssignmentStore,
    private readonly contexts: DecisionContextLoader,
    private readonly config: RoutingConfig,
    private readonly metrics: RoutingMetrics,
    private readonly signals: RoutingSignals,
  ) {}

  async run<T>(manager: EntityManager, prepare: Prepare, work: Work<T>): Promise<DecidedWork & { result: T }> {
    await this.store.lockDecisions(manager);
    // Read after the lock: the previous decision's writes are committed and visible.
    const known = await prepare(manager);
    const session = await this.open(manager, known);
    const result = work(session);
    const changes = poisonOnThrow(() => session.changes());
    await this.store.save(manager, changes);
    const afterCommit = () => {
      for (const assignment of changes.newAssignments) this.metrics.assigned(assignment);
      this.metrics.breached(changes.changedAssignments);
      this.metrics.waited(changes.queueWaitsMs);
      const freed = [...changes.changedAssignments, ...changes.newAssignments].some((a) => !isLive(a.status));
      if (freed) this.signals.announce('a rep has room again');
    };
    return { outbox: changes.outbox, afterCommit, result };
  }

  /**
   * `run` in a transaction of its own (the timers, a manager's move): the events go to the outbox in the same
   * transaction, and metrics and signals follow the commit.
   */
  async runAlone<T>(prepare: Prepare, work: Work<T>): Promise<T> {
    const done = await this.dataSource.transaction(async (manager) => {
      const decided = await this.run(manager, prepare, work);
      await this.outbox.add(manager, decided.outbox);
      return decided;
    });
    done.afterCommit();
    return done.result;
  }

  private async open(manager: EntityManager, known: readonly QualificationRecord[]): Promise<RoutingSession> {
    const context = await this.contexts.load(manager);
    const history = await this.store.assignmentsOf(
      manager,
      known.map((qualification) => qualification.qualificationId),
    );
    const template = this.config.ROUTING_CONTACT_URL_TEMPLATE;
    const contactUrlOf = (leadId: string) => template.replace('{leadId}', encodeURIComponent(leadId));
    return new RoutingSession({ ...context, contactUrlOf }, history, known);
  }
}
