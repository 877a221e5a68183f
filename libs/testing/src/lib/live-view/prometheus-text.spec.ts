import { consumerFiguresOf, metricSum } from './prometheus-text';

const METRICS = [
  '# HELP handoff_kafka_consumer_lag_records Records between the committed offset and the high watermark',
  '# TYPE handoff_kafka_consumer_lag_records gauge',
  'handoff_kafka_consumer_lag_records{topic="engagement.recorded.v1",partition="0"} 3',
  'handoff_kafka_consumer_lag_records{topic="engagement.recorded.v1",partition="1"} 4',
  'handoff_kafka_consumer_lag_records_other 100',
  '# TYPE handoff_kafka_consumed_records_total counter',
  'handoff_kafka_consumed_records_total{topic="lead.merged.v1",result="ok"} 10',
  'handoff_kafka_consumed_records_total{topic="engagement.recorded.v1",result="ok"} 32',
  'handoff_kafka_consumed_records_total{topic="engagement.recorded.v1",result="dlq"} 2',
  'process_cpu_seconds_total 1.5',
].join('\n');

describe('metricSum', () => {
  it('adds every sample of the metric, and no metric whose name only starts the same', () => {
    expect(metricSum(METRICS, 'handoff_kafka_consumer_lag_records')).toBe(7);
  });

  it('adds only the samples carrying the given labels', () => {
    expect(metricSum(METRICS, 'handoff_kafka_consumed_records_total', { result: 'ok' })).toBe(42);
    expect(metricSum(METRICS, 'handoff_kafka_consumed_records_total', { topic: 'lead.merged.v1' })).toBe(10);
  });

  it('reads samples without labels and answers 0 for a metric that is absent', () => {
    expect(metricSum(METRICS, 'process_cpu_seconds_total')).toBe(1.5);
    expect(metricSum(METRICS, 'handoff_routing_assignments_total')).toBe(0);
  });

  it('reads label values holding escaped quotes and commas', () => {
    expect(metricSum('m{a="x\\",y",b="1"} 5', 'm', { b: '1' })).toBe(5);
  });
});

describe('consumerFiguresOf', () => {
  it('counts successfully consumed records and the lag over every partition', () => {
    expect(consumerFiguresOf(METRICS)).toEqual({ consumed: 42, lag: 7 });
  });
});
