import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { Registry } from 'prom-client';
import type { IngestConfig } from '../app/ingest.config';
import { RateLimiter } from './rate-limiter.service';
import { resolveSourcesOptions } from './sources.options';
import { SourcesMetrics } from './sources.metrics';
import { TOKEN_BUCKET_SCRIPT } from './token-bucket.script';

const config = { INGEST_RATE_LIMIT_PER_SECOND: 10, INGEST_RATE_LIMIT_BURST: 20 } as IngestConfig;

function limiterWith(redis: Partial<Redis>) {
  const registry = new Registry();
  const limiter = new RateLimiter(
    { status: 'ready', ...redis } as Redis,
    config,
    resolveSourcesOptions({ rateLimitKeyPrefix: 'unit:' }),
    new SourcesMetrics(registry),
  );
  const decisions = async (outcome: string) =>
    (await registry.getSingleMetric('handoff_ingest_rate_limit_decisions_total')?.get())?.values.find(
      (value) => value.labels['outcome'] === outcome,
    )?.value ?? 0;
  return { limiter, decisions };
}

describe('RateLimiter (Redis replies stubbed)', () => {
  let warn: jest.SpyInstance;
  let log: jest.SpyInstance;

  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation();
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation();
  });

  afterEach(() => jest.restoreAllMocks());

  it('runs the cached script on the prefixed bucket key with rate, burst and cost', async () => {
    const evalsha = jest.fn().mockResolvedValue([1, 0, 17]);
    const { limiter, decisions } = limiterWith({ evalsha } as Partial<Redis>);
    expect(await limiter.take('source-1', 3)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(evalsha).toHaveBeenCalledWith(TOKEN_BUCKET_SCRIPT.sha1, 1, 'unit:source-1', 10, 20, 3);
    expect(await decisions('allowed')).toBe(1);
  });

  it('rounds the wait up to whole seconds, at least one', async () => {
    const evalsha = jest.fn().mockResolvedValueOnce([0, 1001, 0]).mockResolvedValueOnce([0, 5, 0]);
    const { limiter, decisions } = limiterWith({ evalsha } as Partial<Redis>);
    expect(await limiter.take('source-1', 1)).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(await limiter.take('source-1', 1)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await decisions('limited')).toBe(2);
  });

  it('sends the script itself when Redis has forgotten it (NOSCRIPT after a restart)', async () => {
    const evalsha = jest.fn().mockRejectedValue(new Error('NOSCRIPT No matching script. Please use EVAL.'));
    const evalScript = jest.fn().mockResolvedValue([1, 0, 19]);
    const { limiter } = limiterWith({ evalsha, eval: evalScript } as Partial<Redis>);
    expect(await limiter.take('source-1', 1)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(evalScript).toHaveBeenCalledWith(TOKEN_BUCKET_SCRIPT.source, 1, 'unit:source-1', 10, 20, 1);
  });

  it('lets requests through and counts them when a command fails', async () => {
    const evalsha = jest.fn().mockRejectedValue(new Error('Command timed out'));
    const { limiter, decisions } = limiterWith({ evalsha } as Partial<Redis>);
    expect(await limiter.take('source-1', 1)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(await decisions('failed_open')).toBe(1);
  });

  it('lets requests through without sending anything while the connection is down', async () => {
    const evalsha = jest.fn();
    const { limiter, decisions } = limiterWith({ status: 'reconnecting', evalsha } as Partial<Redis>);
    expect(await limiter.take('source-1', 1)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(evalsha).not.toHaveBeenCalled();
    expect(await decisions('failed_open')).toBe(1);
  });

  it('logs the outage once and the recovery once, however many requests pass meanwhile', async () => {
    const evalsha = jest
      .fn()
      .mockRejectedValueOnce(new Error('Command timed out'))
      .mockRejectedValueOnce(new Error('Command timed out'))
      .mockResolvedValue([1, 0, 19]);
    const { limiter } = limiterWith({ evalsha } as Partial<Redis>);
    for (let request = 0; request < 4; request += 1) await limiter.take('source-1', 1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledTimes(1);
  });
});
