import { Module } from '@nestjs/common';
import { Inbox, Outbox } from '@handoff/platform-database';
import { ChunkTransaction } from '@handoff/platform-kafka';
import { DirectoryModule } from '../directory/directory.module';
import { RulesModule } from '../rules/rules.module';
import { AssignmentStore } from './assignment.store';
import { DecisionContextLoader } from './decision-context-loader';
import { Rerouter } from './rerouter.service';
import { RoutingBatch } from './routing-batch.service';
import { RoutingDecisions } from './routing-decisions';
import { RoutingConsumer } from './routing.consumer';
import { RoutingMetrics } from './routing.metrics';
import { RoutingSignals } from './routing-signals';

/**
 * Assignment: qualified leads to reps exactly once, SLA timers and reassignment, the queue of leads nobody
 * could take yet, published as lead.routed.v1 through the outbox.
 */
@Module({
  imports: [DirectoryModule, RulesModule],
  providers: [
    AssignmentStore,
    DecisionContextLoader,
    RoutingDecisions,
    RoutingBatch,
    RoutingConsumer,
    Rerouter,
    RoutingMetrics,
    RoutingSignals,
    ChunkTransaction,
    Inbox,
    Outbox,
  ],
  exports: [AssignmentStore, DecisionContextLoader, RoutingDecisions, Rerouter],
})
export class AssignmentModule {}
