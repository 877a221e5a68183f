import { Inject, Injectable } from '@nestjs/common';
import { type HealthIndicatorFunction, type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { maskEmails } from './mask-personal-data';
import { READINESS_INDICATORS, type ReadinessIndicator, withTimeout } from './readiness-indicator';

export const HEALTH_OPTIONS = Symbol('HEALTH_OPTIONS');

/**
 * Longest a readiness check may take by default. Kubernetes probe timeouts must stay above it (k8s/ manifests,
 * checked by tools/k8s), so a slow dependency reads as "down" instead of a probe timeout.
 */
export const READINESS_CHECK_TIMEOUT_MS = 3000;

export interface HealthCheckLimits {
  /** Longest a single readiness check may take before it counts as down. Default 3000. */
  timeoutMs?: number;
}

/** Turns the registered indicators into terminus checks that report `down` instead of throwing or hanging. */
@Injectable()
export class ReadinessService {
  constructor(
    @Inject(READINESS_INDICATORS) private readonly indicators: ReadinessIndicator[],
    @Inject(HEALTH_OPTIONS) private readonly limits: HealthCheckLimits,
    private readonly health: HealthIndicatorService,
  ) {}

  checks(): HealthIndicatorFunction[] {
    return this.indicators.map((indicator) => () => this.checkWithinLimits(indicator));
  }

  private async checkWithinLimits(indicator: ReadinessIndicator): Promise<HealthIndicatorResult> {
    const timeoutMs = this.limits.timeoutMs ?? READINESS_CHECK_TIMEOUT_MS;
    try {
      return await withTimeout(indicator.check(), timeoutMs, `no answer within ${timeoutMs} ms`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return this.health.check(indicator.name).down({ message: maskEmails(message) });
    }
  }
}
