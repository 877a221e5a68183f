import { Inject, Injectable } from '@nestjs/common';
import { REDIS_CLIENT, RedisScript } from '@handoff/platform-redis';
import type { Redis } from 'ioredis';
import { renewWhile } from './renew-while';
import { IngestConfig } from '../app/ingest.config';

export type Reservation = 'new' | 'duplicate' | 'in_flight';

const PENDING = 'pending';
const DONE = 'done';
/**
 * A reservation whose request died (the process with it) stops blocking retries after this long. While its send
 * is alive, `holdWhile` keeps renewing it, so a send that kafkajs retries for longer never outlives it.
 */
const PENDING_TTL_MS = 60_000;
const PENDING_RENEW_EVERY_MS = PENDING_TTL_MS / 3;

/**
 * Reserves every key of KEYS that is free (ARGV: the pending marker, its time to live in ms, the done marker)
 * and tells per key what was there: 0 nothing (reserved now), 1 a confirmed message, 2 one still pending. One
 * call per request instead of a command per message: a batch costs the client and Redis one command.
 */
const RESERVE_SCRIPT = new RedisScript(`
local replies = {}
for index, key in ipairs(KEYS) do
  local previous = redis.call('SET', key, ARGV[1], 'PX', ARGV[2], 'NX', 'GET')
  if not previous then replies[index] = 0 elseif previous == ARGV[3] then replies[index] = 1 else replies[index] = 2 end
end
return replies
`);

/** Marks every key of KEYS confirmed (ARGV: the done marker, the window in ms). */
const CONFIRM_SCRIPT = new RedisScript(`
for _, key in ipairs(KEYS) do
  redis.call('SET', key, ARGV[1], 'PX', ARGV[2])
end
return #KEYS
`);

/** Renews every key of KEYS still pending (ARGV: the pending marker, its time to live in ms); returns how many. */
const RENEW_SCRIPT = new RedisScript(`
local renewed = 0
for _, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then
    redis.call('PEXPIRE', key, ARGV[2])
    renewed = renewed + 1
  end
end
return renewed
`);

const RESERVATIONS: readonly Reservation[] = ['new', 'duplicate', 'in_flight'];

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
    const keys = messageIds.map((messageId) => keyOf(sourceId, messageId));
    const replies = (await RESERVE_SCRIPT.run(this.redis, keys, [PENDING, PENDING_TTL_MS, DONE])) as number[];
    return replies.map((reply) => RESERVATIONS[reply]);
  }

  async confirm(sourceId: string, messageIds: readonly string[]): Promise<void> {
    if (messageIds.length === 0) return;
    const keys = messageIds.map((messageId) => keyOf(sourceId, messageId));
    await CONFIRM_SCRIPT.run(this.redis, keys, [DONE, this.windowMs]);
  }

  /** Renews the reservations of `messageIds` that are still pending; confirmed or released ones are left alone. */
  async renew(sourceId: string, messageIds: readonly string[]): Promise<number> {
    if (messageIds.length === 0) return 0;
    const keys = messageIds.map((messageId) => keyOf(sourceId, messageId));
    return (await RENEW_SCRIPT.run(this.redis, keys, [PENDING, PENDING_TTL_MS])) as number;
  }

  /** Keeps the reservations of `messageIds` pending for as long as `send` runs (a failed renewal is retried). */
  holdWhile<T>(sourceId: string, messageIds: readonly string[], send: Promise<T>): Promise<T> {
    return renewWhile(send, () => this.renew(sourceId, messageIds), PENDING_RENEW_EVERY_MS);
  }

  async release(sourceId: string, messageIds: readonly string[]): Promise<void> {
    if (messageIds.length === 0) return;
    await this.redis.del(...messageIds.map((messageId) => keyOf(sourceId, messageId)));
  }
}

function keyOf(sourceId: string, messageId: string): string {
  return `ingest:dedupe:${sourceId}:${messageId}`;
}
