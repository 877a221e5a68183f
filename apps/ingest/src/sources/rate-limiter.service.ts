import { Inject, Injectable, Logger } from '@nestjs/common';
import { REDIS_CLIENT } from '@handoff/platform-redis';
import type Redis from 'ioredis';
import { IngestConfig } from '../app/ingest.config';
import { type ResolvedSourcesOptions, SOURCES_OPTIONS } from './sources.options';
import { SourcesMetrics } from './sources.metrics';
import { TOKEN_BUCKET_SCRIPT } from './token-bucket.script';

export interface RateLimitDecision {
  allowed: boolean;
  /** Whole seconds until the request could be admitted; 0 when allowed. */
  retryAfterSeconds: number;
}

type BucketReply = [allowed: number, retryAfterMs: number, tokensLeft: number];

const ALLOWED: RateLimitDecision = { allowed: true, retryAfterSeconds: 0 };

/**
 * Per-source token bucket in Redis (refill INGEST_RATE_LIMIT_PER_SECOND, capacity INGEST_RATE_LIMIT_BURST),
 * shared by every replica. When Redis cannot answer, requests are let through (fail open): keeping
 * ingestion available matters more than enforcing the limit for the minutes Redis is away, and the
 * failure is logged once and counted on handoff_ingest_rate_limit_decisions_total{outcome="failed_open"}.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private failingOpen = false;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly config: IngestConfig,
    @Inject(SOURCES_OPTIONS) private readonly options: ResolvedSourcesOptions,
    private readonly metrics: SourcesMetrics,
  ) {}

  /** Takes `cost` tokens (one per event) from the source's bucket. */
  async take(sourceId: string, cost: number): Promise<RateLimitDecision> {
    // A disconnected client would queue the command until it times out; answer at once instead.
    if (this.redis.status !== 'ready') return this.failOpen(new Error(`Redis connection is ${this.redis.status}`));
    let reply: BucketReply;
    try {
      reply = await this.runScript(this.options.rateLimitKeyPrefix + sourceId, Math.max(1, Math.ceil(cost)));
    } catch (error) {
      return this.failOpen(error);
    }
    this.recovered();
    const [allowed, retryAfterMs] = reply;
    if (allowed === 1) {
      this.metrics.rateLimitDecided('allowed');
      return ALLOWED;
    }
    this.metrics.rateLimitDecided('limited');
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
  }

  private async runScript(key: string, cost: number): Promise<BucketReply> {
    const args = [this.config.INGEST_RATE_LIMIT_PER_SECOND, this.config.INGEST_RATE_LIMIT_BURST, cost];
    return (await TOKEN_BUCKET_SCRIPT.run(this.redis, [key], args)) as BucketReply;
  }

  private failOpen(error: unknown): RateLimitDecision {
    this.metrics.rateLimitDecided('failed_open');
    if (!this.failingOpen) {
      this.failingOpen = true;
      this.logger.warn({
        msg: 'rate limiter cannot reach Redis; admitting requests without limits until it answers again',
        error: error instanceof Error ? error.message : String(error),
      });
    }
    return ALLOWED;
  }

  private recovered(): void {
    if (!this.failingOpen) return;
    this.failingOpen = false;
    this.logger.log({ msg: 'rate limiter reaches Redis again; limits enforced' });
  }
}
