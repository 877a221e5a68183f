import type { HealthIndicatorResult } from '@nestjs/terminus';

/**
 * One readiness dependency (database, Redis, Kafka consumer…). `check` resolves to a terminus
 * result keyed by `name`, built with HealthIndicatorService: `health.check(this.name).up()`.
 */
export interface ReadinessIndicator {
  readonly name: string;
  check(): Promise<HealthIndicatorResult>;
}

export const READINESS_INDICATORS = Symbol('READINESS_INDICATORS');

/** Rejects with `message` when `work` has not settled within `ms`, so no check can hang a probe. */
export function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
