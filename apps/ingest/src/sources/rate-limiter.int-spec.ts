import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { createRedisClient } from '@handoff/platform-redis';
import { TEST_REDIS_URL } from '@handoff/testing';
import type Redis from 'ioredis';
import { Registry } from 'prom-client';
import type { IngestConfig } from '../app/ingest.config';
import { RateLimiter } from './rate-limiter.service';
import { resolveSourcesOptions } from './sources.options';
import { SourcesMetrics } from './sources.metrics';

const quietLogger = new Logger('RedisTest');

function limiterOn(redis: Redis, prefix: string, perSecond: number, burst: number): RateLimiter {
  const config = { INGEST_RATE_LIMIT_PER_SECOND: perSecond, INGEST_RATE_LIMIT_BURST: burst } as IngestConfig;
  const options = resolveSourcesOptions({ rateLimitKeyPrefix: prefix });
  return new RateLimiter(redis, config, options, new SourcesMetrics(new Registry()));
}

async function whenReady(redis: Redis): Promise<void> {
  if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RateLimiter against the real Redis', () => {
  const prefix = `ingest-test:${randomBytes(6).toString('hex')}:ratelimit:`;
  let redis: Redis;

  beforeAll(async () => {
    // The fail-open warning and connection notices are expected here; keep the test output readable.
    jest.spyOn(Logger.prototype, 'warn').mockImplementation();
    jest.spyOn(Logger.prototype, 'log').mockImplementation();
    redis = createRedisClient({ url: TEST_REDIS_URL, connectionName: 'ingest-rate-limiter-int' }, quietLogger);
    await whenReady(redis);
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    jest.restoreAllMocks();
  });

  it('admits up to the burst at once, then refuses with the seconds until one token is back', async () => {
    const limiter = limiterOn(redis, prefix, 1, 3);
    const source = randomUUID();
    expect(await limiter.take(source, 2)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(await limiter.take(source, 1)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(await limiter.take(source, 1)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('refuses a request costing more than what is left without taking anything', async () => {
    const limiter = limiterOn(redis, prefix, 1, 5);
    const source = randomUUID();
    await limiter.take(source, 3);
    expect(await limiter.take(source, 4)).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(await limiter.take(source, 2)).toEqual({ allowed: true, retryAfterSeconds: 0 });
  });

  it('refills by the time elapsed', async () => {
    const limiter = limiterOn(redis, prefix, 20, 2);
    const source = randomUUID();
    await limiter.take(source, 2);
    expect((await limiter.take(source, 1)).allowed).toBe(false);
    await sleep(150);
    expect(await limiter.take(source, 2)).toEqual({ allowed: true, retryAfterSeconds: 0 });
  });

  it('keeps one bucket per source', async () => {
    const limiter = limiterOn(redis, prefix, 1, 1);
    const [first, second] = [randomUUID(), randomUUID()];
    await limiter.take(first, 1);
    expect((await limiter.take(first, 1)).allowed).toBe(false);
    expect((await limiter.take(second, 1)).allowed).toBe(true);
  });

  it('admits a batch larger than the burst on a full bucket, then makes the source wait off the debt', async () => {
    const limiter = limiterOn(redis, prefix, 1, 2);
    const source = randomUUID();
    expect((await limiter.take(source, 5)).allowed).toBe(true);
    expect(await limiter.take(source, 1)).toEqual({ allowed: false, retryAfterSeconds: 4 });
  });

  it('stores the bucket under the configured prefix with an expiry of about the time to refill', async () => {
    const limiter = limiterOn(redis, prefix, 10, 100);
    const source = randomUUID();
    await limiter.take(source, 50);
    const ttl = await redis.pttl(`${prefix}${source}`);
    expect(ttl).toBeGreaterThan(4000);
    expect(ttl).toBeLessThanOrEqual(6000);
  });

  it('fails open when Redis is unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = createRedisClient({ url: `redis://127.0.0.1:${port}` }, quietLogger);
    try {
      const limiter = limiterOn(unreachable, prefix, 1, 1);
      const source = randomUUID();
      expect(await limiter.take(source, 1)).toEqual({ allowed: true, retryAfterSeconds: 0 });
      expect(await limiter.take(source, 1)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    } finally {
      unreachable.disconnect();
    }
  });
});
