// Reads figures out of a service's `/metrics` answer (Prometheus text exposition format, as prom-client writes it).

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** The sum of every sample of `metric` whose labels include `labels` (0 when there is none). */
export function metricSum(text: string, metric: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const sample = SAMPLE.exec(line);
    if (!sample || sample[1] !== metric) continue;
    const present = Object.fromEntries([...(sample[2] ?? '').matchAll(LABEL)].map(([, name, value]) => [name, value]));
    if (Object.entries(labels).every(([name, value]) => present[name] === value)) {
      const value = Number(sample[3]);
      if (Number.isFinite(value)) sum += value;
    }
  }
  return sum;
}

/** What the live view shows of one service's consumers. */
export interface ConsumerFigures {
  /** Records handled successfully since the service started. */
  consumed: number;
  /** Records between the last handled offset and the high watermark, over all its partitions. */
  lag: number;
}

/** The platform's Kafka metrics (libs/platform/kafka `KafkaMetrics`) of one service. */
export function consumerFiguresOf(metricsText: string): ConsumerFigures {
  return {
    consumed: metricSum(metricsText, 'handoff_kafka_consumed_records_total', { result: 'ok' }),
    lag: metricSum(metricsText, 'handoff_kafka_consumer_lag_records'),
  };
}
