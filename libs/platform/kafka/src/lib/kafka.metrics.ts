import { KAFKA_METRICS, counterOf, gaugeOf, histogramOf } from '@handoff/platform-observability';
import type { Counter, Gauge, Histogram, Registry } from 'prom-client';

export type ConsumeResult = 'ok' | 'dlq' | 'retry';

/** poison: failed deterministically; retry-budget-exhausted: an unclassified error outlasted the budget. */
export type DeadLetterReason = 'poison' | 'retry-budget-exhausted';

/**
 * Kafka metrics on the service's own registry (names in the observability metric catalog). Producer and
 * consumers of one service share them, so each metric is created once per registry and reused.
 */
export class KafkaMetrics {
  readonly consumed: Counter<'topic' | 'result'>;
  readonly deadLettered: Counter<'topic' | 'reason'>;
  readonly rebalances: Counter<'group'>;
  readonly handlerDuration: Histogram<'topic'>;
  readonly consumerLag: Gauge<'group' | 'topic' | 'partition'>;
  readonly produced: Counter<'topic'>;

  constructor(registry: Registry) {
    this.consumed = counterOf(registry, KAFKA_METRICS.consumed);
    this.deadLettered = counterOf(registry, KAFKA_METRICS.deadLettered);
    this.rebalances = counterOf(registry, KAFKA_METRICS.rebalances);
    this.handlerDuration = histogramOf(registry, KAFKA_METRICS.handlerDuration);
    this.consumerLag = gaugeOf(registry, KAFKA_METRICS.consumerLag);
    this.produced = counterOf(registry, KAFKA_METRICS.produced);
  }
}
