import { Counter, Gauge, type Registry } from 'prom-client';

export interface OutboxMetrics {
  relayed: Counter;
}

/**
 * Registers (once per registry) the outbox gauges. The backlog is counted at scrape time through the
 * partial index on unpublished rows; a failed count keeps the previous value rather than failing the scrape.
 */
export function registerOutboxMetrics(registry: Registry, countBacklog: () => Promise<number>): OutboxMetrics {
  if (!registry.getSingleMetric('outbox_backlog')) {
    new Gauge({
      name: 'outbox_backlog',
      help: 'Outbox rows not yet relayed to Kafka',
      registers: [registry],
      async collect() {
        try {
          this.set(await countBacklog());
        } catch {
          // Database unreachable: the readiness check reports it; keep the last known backlog.
        }
      },
    });
  }
  const relayed =
    (registry.getSingleMetric('outbox_relayed_total') as Counter | undefined) ??
    new Counter({
      name: 'outbox_relayed_total',
      help: 'Outbox rows relayed to Kafka',
      registers: [registry],
    });
  return { relayed };
}
