/**
 * Every Prometheus metric Handoff's services register, in one place, so the naming scheme is kept in one file and
 * the dashboard and alert checks can learn the real names from the code. Scheme: `handoff_<area>_<what>_<unit>`,
 * snake_case; counters end in `_total`; the unit is in the name (`_seconds`, `_records`, `_leads`, `_requests`).
 * A service builds its metric objects from these definitions (see metric-factories.ts), never from literals.
 */
export interface MetricDefinition<L extends string = string> {
  readonly type: 'counter' | 'gauge' | 'histogram';
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly L[];
  /** Histograms only: upper bounds in the metric's unit. */
  readonly buckets?: readonly number[];
}

const SHORT_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function define<L extends string>(definition: MetricDefinition<L>): MetricDefinition<L> {
  return definition;
}

export const HTTP_METRICS = {
  requests: define({
    type: 'counter',
    name: 'handoff_http_requests_total',
    help: 'HTTP requests handled, by method, route template, status code and status class (2xx, 4xx, 5xx)',
    labelNames: ['method', 'route', 'status', 'status_class'],
  }),
  duration: define({
    type: 'histogram',
    name: 'handoff_http_request_duration_seconds',
    help: 'Time from receiving an HTTP request to finishing its response',
    labelNames: ['method', 'route', 'status', 'status_class'],
    buckets: SHORT_DURATION_BUCKETS,
  }),
};

export const KAFKA_METRICS = {
  consumed: define({
    type: 'counter',
    name: 'handoff_kafka_consumed_records_total',
    help: 'Records consumed, by topic and outcome (ok, dlq, retry)',
    labelNames: ['topic', 'result'],
  }),
  produced: define({
    type: 'counter',
    name: 'handoff_kafka_produced_records_total',
    help: 'Records acknowledged by the broker, by topic',
    labelNames: ['topic'],
  }),
  deadLettered: define({
    type: 'counter',
    name: 'handoff_kafka_dlq_records_total',
    help: 'Records sent to a dead-letter topic, by source topic and reason (poison, retry-budget-exhausted)',
    labelNames: ['topic', 'reason'],
  }),
  rebalances: define({
    type: 'counter',
    name: 'handoff_kafka_rebalances_total',
    help: 'Consumer group joins after a rebalance',
    labelNames: ['group'],
  }),
  handlerDuration: define({
    type: 'histogram',
    name: 'handoff_kafka_handler_duration_seconds',
    help: 'Time a handler took for one chunk of records',
    labelNames: ['topic'],
    buckets: SHORT_DURATION_BUCKETS,
  }),
  consumerLag: define({
    type: 'gauge',
    name: 'handoff_kafka_consumer_lag_records',
    help: "Records between the group's committed offset and the partition's high watermark, for partitions this replica owns",
    labelNames: ['group', 'topic', 'partition'],
  }),
};

export const OUTBOX_METRICS = {
  backlog: define({
    type: 'gauge',
    name: 'handoff_outbox_backlog_records',
    help: 'Outbox rows not yet relayed to Kafka',
    labelNames: [],
  }),
  relayed: define({
    type: 'counter',
    name: 'handoff_outbox_relayed_records_total',
    help: 'Outbox rows relayed to Kafka',
    labelNames: [],
  }),
};

export const INGEST_METRICS = {
  authRejections: define({
    type: 'counter',
    name: 'handoff_ingest_source_auth_rejections_total',
    help: 'Ingestion requests refused by source authentication, by reason',
    labelNames: ['reason'],
  }),
  rateLimitDecisions: define({
    type: 'counter',
    name: 'handoff_ingest_rate_limit_decisions_total',
    help: 'Rate-limit decisions; failed_open counts requests let through because Redis did not answer',
    labelNames: ['outcome'],
  }),
  sourceLookups: define({
    type: 'counter',
    name: 'handoff_ingest_source_lookups_total',
    help: 'Database lookups of a write key or source id (cache misses), by result',
    labelNames: ['result'],
  }),
};

export const ROUTING_METRICS = {
  assignments: define({
    type: 'counter',
    name: 'handoff_routing_assignments_total',
    help: 'Assignments made, by pool and by what triggered them (qualified, rejected, sla_missed, escalated, manual)',
    labelNames: ['trigger', 'pool'],
  }),
  repAssignments: define({
    type: 'counter',
    name: 'handoff_routing_rep_assignments_total',
    help: "Assignments made to each rep in each pool: a rep's share of its pool shows how fair routing is",
    labelNames: ['pool', 'rep'],
  }),
  slaBreaches: define({
    type: 'counter',
    name: 'handoff_routing_sla_breaches_total',
    help: 'Assignments whose rep did not accept before the SLA was due, by pool',
    labelNames: ['pool'],
  }),
  queued: define({
    type: 'gauge',
    name: 'handoff_routing_queued_leads',
    help: 'Qualified leads waiting because nobody in their pool is eligible',
    labelNames: [],
  }),
  queueWait: define({
    type: 'histogram',
    name: 'handoff_routing_queue_wait_seconds',
    help: 'How long a queued lead waited before it was routed',
    labelNames: [],
    buckets: [1, 10, 60, 300, 900, 3600, 4 * 3600, 12 * 3600, 24 * 3600, 72 * 3600],
  }),
};

export const DELIVERY_METRICS = {
  attempts: define({
    type: 'counter',
    name: 'handoff_delivery_attempts_total',
    help: 'Webhook attempts, by what they decided: delivered, retry, dead (schedule exhausted) or gone (410)',
    labelNames: ['outcome'],
  }),
  attemptDuration: define({
    type: 'histogram',
    name: 'handoff_delivery_attempt_duration_seconds',
    help: 'Time from sending a webhook to its answer (or its failure), body excerpt included',
    labelNames: [],
    buckets: SHORT_DURATION_BUCKETS,
  }),
};

/** Every definition above: what `registerMetricCatalog` registers and the naming-scheme test walks. */
export const METRIC_CATALOG: readonly MetricDefinition[] = [
  HTTP_METRICS,
  KAFKA_METRICS,
  OUTBOX_METRICS,
  INGEST_METRICS,
  ROUTING_METRICS,
  DELIVERY_METRICS,
].flatMap((group): MetricDefinition[] => Object.values(group));
