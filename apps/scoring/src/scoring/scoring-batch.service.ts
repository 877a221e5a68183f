import { Injectable, Logger } from '@nestjs/common';
import type { EngagementRecordedV1, EventEnvelope, LeadMergedV1, SalesActivityV1 } from '@handoff/contracts';
import { Inbox } from '@handoff/platform-database';
import { type ConsumedMessage, PoisonMessageError, withMessageContext } from '@handoff/platform-kafka';
import { DataSource } from 'typeorm';
import { ScoringConfig } from '../app/scoring.config';
import { ModelRegistry } from '../models/model-registry.service';
import { LeadStateStore } from './lead-state.store';
import { ScoringSession } from './scoring-session';

/** The inbox name every scoring consumer claims under; event ids are unique across topics. */
export const INBOX_CONSUMER = 'scoring';

type Step<V> = (session: ScoringSession, event: V) => void;

/**
 * Applies one chunk of one partition in ONE transaction: claims the event ids in the inbox (redeliveries are
 * skipped), locks the leads, applies the events in offset order with the active model, and writes states,
 * ledger, history and outbox rows in batched statements. A failure rolls all of it back, claims included.
 */
@Injectable()
export class ScoringBatch {
  private readonly logger = new Logger(ScoringBatch.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: Inbox,
    private readonly store: LeadStateStore,
    private readonly models: ModelRegistry,
    private readonly config: ScoringConfig,
  ) {}

  applyEngagements(messages: ConsumedMessage<EngagementRecordedV1>[]): Promise<void> {
    return this.apply(
      messages,
      (event) => [event.leadId],
      (session, event) => session.engagement(event),
    );
  }

  applyMerges(messages: ConsumedMessage<LeadMergedV1>[]): Promise<void> {
    return this.apply(
      messages,
      (event) => [event.survivingLeadId, event.mergedLeadId],
      (session, event) => {
        session.merge(event);
        this.logger.log({ msg: 'leads merged', leadId: event.survivingLeadId, mergedLeadId: event.mergedLeadId });
      },
    );
  }

  applySalesActivities(messages: ConsumedMessage<SalesActivityV1>[]): Promise<void> {
    return this.apply(
      messages,
      (event) => [event.leadId],
      (session, event) => {
        const ignored = session.sales(event);
        if (ignored !== null) this.logger.warn({ msg: 'sales outcome ignored', leadId: event.leadId, why: ignored });
      },
    );
  }

  private async apply<V extends EventEnvelope>(
    messages: ConsumedMessage<V>[],
    leadIdsOf: (event: V) => string[],
    step: Step<V>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const claimed = await this.inbox.claim(
        manager,
        INBOX_CONSUMER,
        messages.map(({ value, topic, partition, offset }) => ({ eventId: value.eventId, topic, partition, offset })),
      );
      const fresh = firstOfEach(messages).filter((message) => claimed.has(message.value.eventId));
      if (fresh.length === 0) return;
      const model = await this.models.active(manager);
      const stored = await this.store.lock(
        manager,
        fresh.flatMap((message) => leadIdsOf(message.value)),
      );
      const session = new ScoringSession(
        model,
        new Date().toISOString(),
        stored,
        this.config.SCORING_EXACT_HISTORY_DAYS,
      );
      for (const message of fresh) withMessageContext(message, () => orPoison(() => step(session, message.value)));
      await this.store.save(
        manager,
        orPoison(() => session.changes()),
      );
    });
  }
}

/** The session does no I/O: whatever it throws will be thrown again on every attempt, so it is poison. */
function orPoison<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof PoisonMessageError) throw error;
    throw new PoisonMessageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

/** A chunk may carry the same event twice; the inbox claims it once, so it is applied once. */
function firstOfEach<V extends EventEnvelope>(messages: ConsumedMessage<V>[]): ConsumedMessage<V>[] {
  const seen = new Set<string>();
  return messages.filter((message) => {
    const id = message.value.eventId.toLowerCase();
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
