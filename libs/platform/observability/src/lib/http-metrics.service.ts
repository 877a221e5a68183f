import { Inject, Injectable } from '@nestjs/common';
import { Counter, Histogram, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from './metrics-registry';

type HttpLabel = 'method' | 'route' | 'status';

/** Request counts and latencies by route template (never the raw path: ids would explode cardinality). */
@Injectable()
export class HttpMetrics {
  private readonly requests: Counter<HttpLabel>;
  private readonly duration: Histogram<HttpLabel>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    const labelNames: HttpLabel[] = ['method', 'route', 'status'];
    this.requests = new Counter({
      name: 'handoff_http_requests_total',
      help: 'HTTP requests handled, by method, route template and status code.',
      labelNames,
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'handoff_http_request_duration_seconds',
      help: 'Time from receiving an HTTP request to finishing its response.',
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  }

  record(method: string, route: string, status: string, seconds: number): void {
    const labels = { method, route, status };
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
  }
}
