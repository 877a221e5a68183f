import { TEST_REDIS_URL, uniqueName } from '@handoff/testing';
import Redis from 'ioredis';
import { IngestConfig } from '../app/ingest.config';
import { DedupeStore } from './dedupe.store';

describe('DedupeStore (real Redis)', () => {
  const redis = new Redis(TEST_REDIS_URL);
  const store = new DedupeStore(redis, Object.assign(new IngestConfig(), { INGEST_DEDUPE_WINDOW_SECONDS: 60 }));
  const sourceId = uniqueName('dedupe-source');
  const ttlOf = (messageId: string) => redis.pttl(`ingest:dedupe:${sourceId}:${messageId}`);

  afterAll(async () => {
    const keys = await redis.keys(`ingest:dedupe:${sourceId}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('reserves new messages, and tells a message in flight from a confirmed one, per message of one call', async () => {
    const [pending, confirmed, fresh] = ['m-pending', 'm-confirmed', 'm-fresh'];
    expect(await store.reserve(sourceId, [pending, confirmed])).toEqual(['new', 'new']);
    await store.confirm(sourceId, [confirmed]);

    expect(await store.reserve(sourceId, [confirmed, fresh, pending])).toEqual(['duplicate', 'new', 'in_flight']);
    // A pending reservation expires within a minute; a confirmed one lasts the configured window.
    expect(await ttlOf(pending)).toBeGreaterThan(0);
    expect(await ttlOf(pending)).toBeLessThanOrEqual(60_000);
    expect(await ttlOf(confirmed)).toBeGreaterThan(0);
  });

  it('frees released reservations for the retry, leaving the others as they were', async () => {
    expect(await store.reserve(sourceId, ['r-1', 'r-2', 'r-kept'])).toEqual(['new', 'new', 'new']);

    await store.release(sourceId, ['r-1', 'r-2']);

    expect(await store.reserve(sourceId, ['r-1', 'r-2', 'r-kept'])).toEqual(['new', 'new', 'in_flight']);
  });

  it('renews only reservations still pending, so a long send keeps its messages reserved', async () => {
    expect(await store.reserve(sourceId, ['h-pending', 'h-confirmed'])).toEqual(['new', 'new']);
    await store.confirm(sourceId, ['h-confirmed']);
    const keyOf = (messageId: string) => `ingest:dedupe:${sourceId}:${messageId}`;
    // As if most of the pending time had passed.
    await Promise.all([redis.pexpire(keyOf('h-pending'), 500), redis.pexpire(keyOf('h-confirmed'), 500)]);

    expect(await store.renew(sourceId, ['h-pending', 'h-confirmed', 'h-never-reserved'])).toBe(1);

    expect(await ttlOf('h-pending')).toBeGreaterThan(30_000);
    expect(await ttlOf('h-confirmed')).toBeLessThanOrEqual(500);
    expect(await ttlOf('h-never-reserved')).toBe(-2);
  });
});
