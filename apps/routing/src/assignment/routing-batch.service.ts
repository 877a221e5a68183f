import { Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope, LeadQualifiedV2, RepCapacityV1, SalesActivityV1 } from '@handoff/contracts';
import { ChunkTransaction, type ConsumedMessage, poisonOnThrow, withMessageContext } from '@handoff/platform-kafka';
import type { NewOutboxMessage } from '@handoff/platform-database';
import type { EntityManager } from 'typeorm';
import { AssignmentStore } from './assignment.store';
import { RoutingDecisions } from './routing-decisions';
import { RoutingSignals } from './routing-signals';
import { qualificationOf } from './qualified-lead';

/** The inbox name every routing consumer claims under; event ids are unique across topics. */
export const INBOX_CONSUMER = 'routing';

type ChunkWork<V> = (
  manager: EntityManager,
  fresh: ConsumedMessage<V>[],
) => Promise<{
  outbox: readonly NewOutboxMessage[];
  afterCommit?: () => void;
}>;

/**
 * Applies one chunk of one partition in ONE transaction (the platform's ChunkTransaction claims the event ids in
 * the inbox, so a redelivery is skipped): new qualifications are routed, sales outcomes move assignments on,
 * capacity figures are kept for the capacity-aware strategy.
 */
@Injectable()
export class RoutingBatch {
  private readonly logger = new Logger(RoutingBatch.name);

  constructor(
    private readonly chunks: ChunkTransaction,
    private readonly store: AssignmentStore,
    private readonly decisions: RoutingDecisions,
    private readonly signals: RoutingSignals,
  ) {}

  applyQualifications(messages: ConsumedMessage<LeadQualifiedV2>[]): Promise<void> {
    return this.apply(messages, async (manager, fresh) => {
      const receivedAt = new Date().toISOString();
      const records = fresh.map((message) => ({ message, record: qualificationOf(message.value, receivedAt) }));
      let inserted = new Set<string>();
      return this.decisions.run(
        manager,
        async () => {
          // The inbox skips a redelivered event; the primary key is the second guard, for a replay older than
          // the inbox's retention.
          inserted = await this.store.insertNew(
            manager,
            records.map(({ record }) => record),
          );
          return [];
        },
        (session) => {
          for (const { message, record } of records) {
            if (!inserted.has(record.qualificationId)) continue;
            withMessageContext(message, () => poisonOnThrow(() => session.qualify(record)));
          }
        },
      );
    });
  }

  applySalesActivities(messages: ConsumedMessage<SalesActivityV1>[]): Promise<void> {
    return this.apply(messages, (manager, fresh) =>
      this.decisions.run(
        manager,
        async () => {
          const live = await this.store.liveAssignmentsOfLeads(
            manager,
            fresh.map((message) => message.value.leadId),
          );
          return this.store.qualifications(manager, [...new Set(live.map((a) => a.qualificationId))]);
        },
        (session) => {
          for (const message of fresh) {
            withMessageContext(message, () => {
              const ignored = poisonOnThrow(() => session.salesOutcome(message.value));
              if (ignored !== null) {
                this.logger.warn({ msg: 'sales outcome ignored', leadId: message.value.leadId, why: ignored });
              }
            });
          }
        },
      ),
    );
  }

  /** Capacity is not a decision: it is stored (newest per rep wins) and announced, so queued leads are retried. */
  applyCapacities(messages: ConsumedMessage<RepCapacityV1>[]): Promise<void> {
    return this.apply(messages, async (manager, fresh) => {
      await this.store.saveCapacities(
        manager,
        fresh.map(({ value }) => ({
          repId: value.repId,
          remainingLeadCapacity: Math.max(0, value.maxOpenLeads - value.openLeads),
          attainmentRatio: value.attainmentRatio,
          paceGap: value.paceGap,
          available: value.available,
          occurredAt: value.occurredAt,
        })),
      );
      return { outbox: [], afterCommit: () => this.signals.announce('rep capacity changed') };
    });
  }

  private async apply<V extends EventEnvelope>(messages: ConsumedMessage<V>[], work: ChunkWork<V>): Promise<void> {
    let afterCommit: (() => void) | undefined;
    await this.chunks.apply(INBOX_CONSUMER, messages, async (manager, fresh) => {
      const done = await work(manager, fresh);
      afterCommit = done.afterCommit;
      return done.outbox;
    });
    afterCommit?.();
  }
}
