import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@handoff/contracts';
import { ChunkTransaction, type ConsumedMessage } from '@handoff/platform-kafka';
import type { EntityManager } from 'typeorm';
import { Dispatcher } from '../dispatch/dispatcher.service';
import { SubscriptionsStore } from '../subscriptions/subscriptions.store';
import { deliveryIdOf, type EventFacts, type EventType, matches, orderKeyOf } from './event-matching';

/** The inbox name the delivery consumer claims under; event ids are unique across topics. */
export const INBOX_CONSUMER = 'delivery';

interface QueuedDelivery {
  id: string;
  subscriptionId: string;
  eventId: string;
  eventType: EventType;
  leadId?: string;
  orderKey: string;
  body: string;
}

/**
 * Turns consumed events into queued deliveries, one per matching subscription, in the transaction that claims
 * the events in the inbox: a redelivered record is skipped by the inbox, and the delivery id (derived from
 * subscription and event) makes a second insert a no-op anyway. No HTTP here, so a slow endpoint never holds a
 * partition; the dispatcher is told to look right after the commit.
 */
@Injectable()
export class DeliveryIntake {
  constructor(
    private readonly chunks: ChunkTransaction,
    private readonly subscriptions: SubscriptionsStore,
    private readonly dispatcher: Dispatcher,
  ) {}

  async enqueue<V extends EventEnvelope>(type: EventType, messages: ConsumedMessage<V>[]): Promise<void> {
    let queued = 0;
    await this.chunks.apply(INBOX_CONSUMER, messages, async (manager, fresh) => {
      queued = await this.queue(manager, type, fresh);
      return [];
    });
    if (queued > 0) this.dispatcher.runSoon();
  }

  private async queue<V extends EventEnvelope>(
    manager: EntityManager,
    type: EventType,
    fresh: ConsumedMessage<V>[],
  ): Promise<number> {
    const subscriptions = await this.subscriptions.interestedIn(manager, [type]);
    const rows: QueuedDelivery[] = [];
    for (const { value } of fresh) {
      const facts = factsOf(value);
      for (const subscription of subscriptions) {
        if (!matches({ eventTypes: subscription.event_types, filters: subscription.filters }, type, facts)) continue;
        rows.push({
          id: deliveryIdOf(subscription.id, value.eventId),
          subscriptionId: subscription.id,
          eventId: value.eventId,
          eventType: type,
          leadId: facts.leadId,
          orderKey: orderKeyOf(facts),
          body: JSON.stringify(value),
        });
      }
    }
    if (rows.length === 0) return 0;
    // One statement per chunk; unnest keeps the events' order, so seq follows offsets within a lead.
    await manager.query(
      `INSERT INTO deliveries (id, subscription_id, event_id, event_type, lead_id, order_key, body)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[])
       ON CONFLICT (id) DO NOTHING`,
      [
        rows.map((row) => row.id),
        rows.map((row) => row.subscriptionId),
        rows.map((row) => row.eventId),
        rows.map((row) => row.eventType),
        rows.map((row) => row.leadId ?? null),
        rows.map((row) => row.orderKey),
        rows.map((row) => row.body),
      ],
    );
    return rows.length;
  }
}

/** The matching and ordering fields an event carries, whatever its type. */
function factsOf(event: EventEnvelope): EventFacts {
  const fields = event as unknown as Record<string, unknown>;
  const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : undefined);
  return {
    eventId: event.eventId,
    leadId: text('leadId'),
    repId: text('repId'),
    poolId: text('poolId'),
    teamId: text('teamId'),
    grade: text('grade'),
  };
}
