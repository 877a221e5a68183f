import { Injectable } from '@nestjs/common';
import type { NewOutboxMessage } from '@handoff/platform-database';
import { poisonOnThrow } from '@handoff/platform-kafka';
import type { EntityManager } from 'typeorm';
import { RoutingConfig } from '../app/routing.config';
import { AssignmentStore } from './assignment.store';
import { isLive, type QualificationRecord } from './assignment.types';
import { DecisionContextLoader } from './decision-context-loader';
import { RoutingSession } from './routing-session';
import { RoutingMetrics } from './routing.metrics';
import { RoutingSignals } from './routing-signals';

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
    private readonly store: AssignmentStore,
    private readonly contexts: DecisionContextLoader,
    private readonly config: RoutingConfig,
    private readonly metrics: RoutingMetrics,
    private readonly signals: RoutingSignals,
  ) {}

  async run(
    manager: EntityManager,
    prepare: (manager: EntityManager) => Promise<readonly QualificationRecord[]>,
    work: (session: RoutingSession) => void,
  ): Promise<DecidedWork> {
    await this.store.lockDecisions(manager);
    // Read after the lock: the previous decision's writes are committed and visible.
    const known = await prepare(manager);
    const session = await this.open(manager, known);
    work(session);
    const changes = poisonOnThrow(() => session.changes());
    await this.store.save(manager, changes);
    const afterCommit = () => {
      for (const assignment of changes.newAssignments) this.metrics.assigned(assignment.trigger);
      this.metrics.waited(changes.queueWaitsMs);
      const freed = [...changes.changedAssignments, ...changes.newAssignments].some((a) => !isLive(a.status));
      if (freed) this.signals.announce('a rep has room again');
    };
    return { outbox: changes.outbox, afterCommit };
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
