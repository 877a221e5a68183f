import { Inject, Injectable } from '@nestjs/common';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { type ReadinessIndicator, withTimeout } from '@handoff/platform-observability';
import type Redis from 'ioredis';
import { REDIS_CLIENT, REDIS_OPTIONS, type RedisOptions } from './redis.constants';

const DEFAULT_HEALTH_TIMEOUT_MS = 1000;

/** Readiness: Redis answers PING within the deadline. Register with `HealthModule.forRoot({ indicators: [RedisHealthIndicator] })`. */
@Injectable()
export class RedisHealthIndicator implements ReadinessIndicator {
  readonly name = 'redis';
  private readonly timeoutMs: number;

  constructor(
    @Inject(REDIS_CLIENT) private readonly client: Redis,
    @Inject(REDIS_OPTIONS) options: RedisOptions,
    private readonly health: HealthIndicatorService,
  ) {
    this.timeoutMs = options.healthTimeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS;
  }

  async check(): Promise<HealthIndicatorResult<'redis'>> {
    const session = this.health.check(this.name);
    try {
      await withTimeout(this.client.ping(), this.timeoutMs, `no PONG within ${this.timeoutMs} ms`);
      return session.up();
    } catch (error) {
      return session.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
