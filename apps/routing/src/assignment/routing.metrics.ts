import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY, ROUTING_METRICS, counterOf, gaugeOf, histogramOf } from '@handoff/platform-observability';
import type { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AssignmentRecord } from './assignment.types';

/**
 * What operators watch about routing: assignments by trigger and pool, each rep's share of its pool (fairness),
 * SLA breaches by pool, the queue and how long leads wait in it.
 */
@Injectable()
export class RoutingMetrics {
  readonly assignments: Counter<'trigger' | 'pool'>;
  readonly repAssignments: Counter<'pool' | 'rep'>;
  readonly slaBreaches: Counter<'pool'>;
  readonly queued: Gauge<string>;
  readonly queueWait: Histogram<string>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.assignments = counterOf(registry, ROUTING_METRICS.assignments);
    this.repAssignments = counterOf(registry, ROUTING_METRICS.repAssignments);
    this.slaBreaches = counterOf(registry, ROUTING_METRICS.slaBreaches);
    this.queued = gaugeOf(registry, ROUTING_METRICS.queued);
    this.queueWait = histogramOf(registry, ROUTING_METRICS.queueWait);
  }

  assigned(assignment: Pick<AssignmentRecord, 'trigger' | 'poolId' | 'repId'>): void {
    this.assignments.inc({ trigger: assignment.trigger, pool: assignment.poolId });
    this.repAssignments.inc({ pool: assignment.poolId, rep: assignment.repId });
  }

  /** Assignments whose status just became sla_missed: their rep let the SLA run out. */
  breached(changed: readonly Pick<AssignmentRecord, 'status' | 'poolId'>[]): void {
    for (const assignment of changed) {
      if (assignment.status === 'sla_missed') this.slaBreaches.inc({ pool: assignment.poolId });
    }
  }

  waited(waitsMs: readonly number[]): void {
    for (const ms of waitsMs) this.queueWait.observe(ms / 1000);
  }
}
