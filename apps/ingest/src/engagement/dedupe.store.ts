import { Inject, Injectable } from '@nestjs/common';
import { REDIS_CLIENT } from '@handoff/platform-redis';
import type { Redis } from 'ioredis';
import { IngestConfig } from '../app/ingest.config';

export type Reservation = 'new' | 'duplicate' | 'in_flight';

const PENDING = 'pending';
const DONE = 'done';
/** A reservation whose request died stops blocking retries after this long. */
const PENDING_TTL_MS = 60_000;

/**
 * Remembers which (source, message id) pairs were recorded, in Redis, for the configured window. A pair
 * is reserved before it is published and confirmed after Kafka acknowledged it, so concurrent retries of
 * one message cannot both publish it; a failed publish releases the reservation so the retry can.
 * Losing Redis only reopens the window: event ids are derived from the same pair, and every consumer
 * de-duplicates by event id.
 */
@Injectable()
export class DedupeStore {
  private readonly windowMs: number;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    config: IngestConfig,
  ) {
    this.windowMs = config.INGEST_DEDUPE_WINDOW_SECONDS * 1000;
  }

  async reserve(sourceId: string, messageIds: readonly string[]): Promise<Reservation[]> {
    if (messageIds.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const messageId of messageIds)
      pipeline.set(keyOf(sourceId, messageId), PENDING, 'PX', PENDING_TTL_MS, 'NX', 'GET');
    const replies = (await pipeline.exec()) ?? [];
    return replies.map(([error, previous]) => {
      if (error) throw error;
      if (previous === null) return 'new';
      return previous === DONE ? 'duplicate' : 'in_flight';
    });
  }

  async confirm(sourceId: string, messageIds: readonly string[]): Promise<void> {
    await this.forEach(messageIds, (pipeline, messageId) =>
      pipeline.set(keyOf(sourceId, messageId), DONE, 'PX', this.windowMs),
    );
  }

  async release(sourceId: string, messageIds: readonly string[]): Promise<void> {
    await this.forEach(messageIds, (pipeline, messageId) => pipeline.del(keyOf(sourceId, messageId)));
  }

  private async forEach(
    messageIds: readonly string[],
    command: (pipeline: ReturnType<Redis['pipeline']>, messageId: string) => unknown,
  ): Promise<void> {
    if (messageIds.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const messageId of messageIds) command(pipeline, messageId);
    await pipeline.exec();
  }
}

function keyOf(sourceId: string, messageId: string): string {
  return `ingest:dedupe:${sourceId}:${messageId}`;
}
