import { Counter, Gauge, Histogram, type Metric, type Registry } from 'prom-client';

export type ConsumeResult = 'ok' | 'dlq' | 'retry';

/** poison: failed deterministically; retry-budget-exhausted: an unclassified error outlasted the budget. */
export type DeadLetterReason = 'poison' | 'retry-budget-exhausted';

/**
 * Kafka metrics on the service's own registry. Producer and consumers of one service share them,
 * so each metric is created once per registry and reused.
 */
export class KafkaMetrics {
  readonly consumed: Counter<'topic' | 'result'>;
  readonly deadLettered: Counter<'topic' | 'reason'>;
  readonly rebalances: Counter<string>;
  readonly handlerDuration: Histogram<'topic'>;
  readonly consumerLag: Gauge<'topic' | 'partition'>;
  readonly produced: Counter<'topic'>;

  constructor(private readonly registry: Registry) {
    this.consumed = this.reuse(
      'handoff_kafka_messages_consumed_total',
      (name) =>
        new Counter({
          name,
          help: 'Messages consumed, by outcome',
          labelNames: ['topic', 'result'],
          registers: [registry],
        }),
    );
    this.deadLettered = this.reuse(
      'handoff_kafka_dlq_total',
      (name) =>
        new Counter({
          name,
          help: 'Messages sent to a dead-letter topic, by reason',
          labelNames: ['topic', 'reason'],
          registers: [registry],
        }),
    );
    this.rebalances = this.reuse(
      'handoff_kafka_rebalances_total',
      (name) =>
        new Counter({
          name,
          help: 'Consumer group joins after a rebalance',
          registers: [registry],
        }),
    );
    this.handlerDuration = this.reuse(
      'handoff_kafka_handler_duration_seconds',
      (name) =>
        new Histogram({
          name,
          help: 'Time a handler took for one chunk of messages',
          labelNames: ['topic'],
          buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
          registers: [registry],
        }),
    );
    this.consumerLag = this.reuse(
      'handoff_kafka_consumer_lag',
      (name) =>
        new Gauge({
          name,
          help: 'Messages between the last handled offset and the partition high watermark',
          labelNames: ['topic', 'partition'],
          registers: [registry],
        }),
    );
    this.produced = this.reuse(
      'handoff_kafka_messages_produced_total',
      (name) =>
        new Counter({
          name,
          help: 'Messages acknowledged by the broker',
          labelNames: ['topic'],
          registers: [registry],
        }),
    );
  }

  private reuse<M extends Metric>(name: string, create: (name: string) => M): M {
    return (this.registry.getSingleMetric(name) as M | undefined) ?? create(name);
  }
}
