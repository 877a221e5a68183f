import { Injectable, Logger } from '@nestjs/common';
import type { EngagementRecordedV1, EventEnvelope, LeadMergedV1, SalesActivityV1 } from '@handoff/contracts';
import { ChunkTransaction, type ConsumedMessage, poisonOnThrow, withMessageContext } from '@handoff/platform-kafka';
import { ScoringConfig } from '../app/scoring.config';
import { ModelRegistry } from '../models/model-registry.service';
import { PredictionModelStore } from '../prediction/prediction-model.store';
import { LeadStateStore } from './lead-state.store';
import { ScoringSession } from './scoring-session';

/** The inbox name every scoring consumer claims under; event ids are unique across topics. */
export const INBOX_CONSUMER = 'scoring';

type Step<V> = (session: ScoringSession, event: V) => void;

/**
 * Applies one chunk of one partition in ONE transaction (the platform's ChunkTransaction claims the event ids in
 * the inbox, so redeliveries are skipped, and stores the outbox rows): locks the leads, applies the events in
 * offset order with the active model, and writes states, ledger and history in batched statements. A failure
 * rolls all of it back, claims included.
 */
@Injectable()
export class ScoringBatch {
  private readonly logger = new Logger(ScoringBatch.name);

  constructor(
    private readonly chunks: ChunkTransaction,
    private readonly store: LeadStateStore,
    private readonly models: ModelRegistry,
    private readonly predictions: PredictionModelStore,
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
    await this.chunks.apply(INBOX_CONSUMER, messages, async (manager, fresh) => {
      const model = await this.models.active(manager);
      const predictor = await this.predictions.current(manager);
      const stored = await this.store.lock(
        manager,
        fresh.flatMap((message) => leadIdsOf(message.value)),
      );
      const session = new ScoringSession(
        model,
        new Date().toISOString(),
        stored,
        this.config.SCORING_EXACT_HISTORY_DAYS,
        predictor,
      );
      for (const message of fresh) withMessageContext(message, () => poisonOnThrow(() => step(session, message.value)));
      const changes = poisonOnThrow(() => session.changes());
      await this.store.save(manager, changes);
      return changes.outbox;
    });
  }
}
