import { Inject, Injectable } from '@nestjs/common';
import { counterOf, DELIVERY_METRICS, histogramOf, METRICS_REGISTRY } from '@handoff/platform-observability';
import type { Counter, Histogram, Registry } from 'prom-client';

/** What operators watch about webhooks: attempts by what they decided, and how long endpoints take. */
@Injectable()
export class DeliveryMetrics {
  private readonly attempts: Counter<'outcome'>;
  private readonly duration: Histogram<string>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.attempts = counterOf(registry, DELIVERY_METRICS.attempts);
    this.duration = histogramOf(registry, DELIVERY_METRICS.attemptDuration);
  }

  attempted(outcome: 'delivered' | 'retry' | 'dead' | 'gone', latencyMs: number): void {
    this.attempts.inc({ outcome });
    this.duration.observe(latencyMs / 1000);
  }
}
