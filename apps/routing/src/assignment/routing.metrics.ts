import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY } from '@handoff/platform-observability';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { AssignmentTrigger } from '@handoff/shared-vocabulary';

/** What operators watch about routing: assignments by trigger, the queue and how long leads wait in it. */
@Injectable()
export class RoutingMetrics {
  readonly assignments: Counter<'trigger'>;
  readonly queued: Gauge<string>;
  readonly queueWait: Histogram<string>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.assignments = new Counter({
      name: 'routing_assignments_total',
      help: 'Assignments made, by what triggered them (qualified, rejected, sla_missed, escalated, manual)',
      labelNames: ['trigger'],
      registers: [registry],
    });
    this.queued = new Gauge({
      name: 'routing_queued_leads',
      help: 'Qualified leads waiting because nobody in their pool is eligible',
      registers: [registry],
    });
    this.queueWait = new Histogram({
      name: 'routing_queue_wait_seconds',
      help: 'How long a queued lead waited before it was routed',
      buckets: [1, 10, 60, 300, 900, 3600, 4 * 3600, 12 * 3600, 24 * 3600, 72 * 3600],
      registers: [registry],
    });
  }

  assigned(trigger: AssignmentTrigger): void {
    this.assignments.inc({ trigger });
  }

  waited(waitsMs: readonly number[]): void {
    for (const ms of waitsMs) this.queueWait.observe(ms / 1000);
  }
}
