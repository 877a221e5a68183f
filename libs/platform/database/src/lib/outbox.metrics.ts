import { OUTBOX_METRICS, counterOf, gaugeOf } from '@handoff/platform-observability';
import type { Counter, Registry } from 'prom-client';

export interface OutboxMetrics {
  relayed: Counter;
}

/**
 * Registers (once per registry) the outbox metrics. The backlog is counted at scrape time through the
 * partial index on unpublished rows; a failed count keeps the previous value rather than failing the scrape.
 */
export function registerOutboxMetrics(registry: Registry, countBacklog: () => Promise<number>): OutboxMetrics {
  gaugeOf(registry, OUTBOX_METRICS.backlog, async function collect() {
    try {
      this.set(await countBacklog());
    } catch {
      // Database unreachable: the readiness check reports it; keep the last known backlog.
    }
  });
  return { relayed: counterOf(registry, OUTBOX_METRICS.relayed) };
}
