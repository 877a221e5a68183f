import { knownMetricNames, unknownMetricsIn } from './known-metric-names';
import { metricNamesInPromQl } from './promql-metric-names';

describe('metricNamesInPromQl', () => {
  it('finds the metric inside functions, aggregations and a histogram quantile', () => {
    const expr =
      'histogram_quantile(0.95, sum by (le, topic) (rate(handoff_kafka_handler_duration_seconds_bucket{service=~"$service"}[$__rate_interval])))';

    expect(metricNamesInPromQl(expr)).toEqual(['handoff_kafka_handler_duration_seconds_bucket']);
  });

  it('finds both sides of a binary operation once each, ignoring keywords, grouping clauses and numbers', () => {
    const expr =
      'sum(rate(handoff_http_requests_total{status_class="5xx"}[5m])) by (service) / ignoring(status_class) ' +
      'sum(rate(handoff_http_requests_total[5m] offset 1h)) by (service) > 0.05 and on(service) up == 1 or vector(0)';

    expect(metricNamesInPromQl(expr)).toEqual(['handoff_http_requests_total', 'up']);
  });

  it('skips label values, label_replace arguments and Grafana variables', () => {
    const expr =
      'label_replace(max without (instance) (handoff_kafka_consumer_lag_records{topic=~"lead.*"}), "t", "$1", "topic", "(.*)") * $scale';

    expect(metricNamesInPromQl(expr)).toEqual(['handoff_kafka_consumer_lag_records']);
  });

  it('keeps a name that only looks like a keyword prefix, and a subquery', () => {
    expect(metricNamesInPromQl('max_over_time(handoff_routing_queued_leads[1h:5m]) unless on_call_total')).toEqual([
      'handoff_routing_queued_leads',
      'on_call_total',
    ]);
  });
});

describe('knownMetricNames', () => {
  const known = knownMetricNames();

  it('holds the catalog metrics, histogram series and the default process metrics', () => {
    expect([...known]).toEqual(
      expect.arrayContaining([
        'handoff_kafka_consumer_lag_records',
        'handoff_routing_sla_breaches_total',
        'handoff_http_request_duration_seconds_bucket',
        'handoff_http_request_duration_seconds_count',
        'process_cpu_user_seconds_total',
      ]),
    );
    expect(known.has('handoff_http_request_duration_seconds')).toBe(false);
  });

  it('reports the metrics an expression reads that no service exposes', () => {
    expect(
      unknownMetricsIn('rate(handoff_kafka_dlq_records_total[5m]) + rate(handoff_kafka_dlq_total[5m])', known),
    ).toEqual(['handoff_kafka_dlq_total']);
  });
});
