import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@handoff/contracts';
import { Inbox, type NewOutboxMessage, Outbox } from '@handoff/platform-database';
import { DataSource, type EntityManager } from 'typeorm';
import type { ConsumedMessage } from './kafka-record';

/**
 * What a consumer does with the events of a chunk it has not applied yet: write its state through `manager`
 * (locking rows in a stable order, so concurrent chunks queue up rather than deadlock) and return the events
 * to publish. It runs inside the chunk's transaction and must not commit anything elsewhere.
 */
export type ChunkWork<V> = (
  manager: EntityManager,
  fresh: ConsumedMessage<V>[],
) => Promise<readonly NewOutboxMessage[]>;

/**
 * Applies a chunk of consumed events exactly once per consumer name, in ONE transaction: claims the event ids
 * in the inbox, hands the events not seen before to the work (each once, in offset order), and stores the
 * messages it returns in the outbox. A failure rolls all of it back, claims included, so the retry of the chunk
 * (or of each message, to find a poison one) applies it again.
 */
@Injectable()
export class ChunkTransaction {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: Inbox,
    private readonly outbox: Outbox,
  ) {}

  async apply<V extends EventEnvelope>(
    consumer: string,
    messages: readonly ConsumedMessage<V>[],
    work: ChunkWork<V>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const claimed = await this.inbox.claim(
        manager,
        consumer,
        messages.map(({ value, topic, partition, offset }) => ({ eventId: value.eventId, topic, partition, offset })),
      );
      const fresh = firstOfEach(messages).filter((message) => claimed.has(message.value.eventId));
      if (fresh.length === 0) return;
      await this.outbox.add(manager, await work(manager, fresh));
    });
  }
}

/** A chunk may carry the same event twice; the inbox claims it once, so it is applied once. */
function firstOfEach<V extends EventEnvelope>(messages: readonly ConsumedMessage<V>[]): ConsumedMessage<V>[] {
  const seen = new Set<string>();
  return messages.filter((message) => {
    const id = message.value.eventId.toLowerCase();
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
