import { Inject, Injectable } from '@nestjs/common';
import type { Counter, Histogram, Registry } from 'prom-client';
import { HTTP_METRICS } from './metric-catalog';
import { counterOf, histogramOf } from './metric-factories';
import { METRICS_REGISTRY } from './metrics-registry';

type HttpLabel = (typeof HTTP_METRICS.requests.labelNames)[number];

/** Request counts and latencies by route template (never the raw path: ids would explode cardinality). */
@Injectable()
export class HttpMetrics {
  private readonly requests: Counter<HttpLabel>;
  private readonly duration: Histogram<HttpLabel>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.requests = counterOf(registry, HTTP_METRICS.requests);
    this.duration = histogramOf(registry, HTTP_METRICS.duration);
  }

  record(method: string, route: string, status: string, seconds: number): void {
    // The class (5xx…) rides along so error-rate queries and alerts need no regex over status codes.
    const labels = { method, route, status, status_class: `${status.charAt(0)}xx` };
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
  }
}
