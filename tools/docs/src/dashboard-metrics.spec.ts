import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { knownMetricNames, metricNamesInPromQl } from '@handoff/testing';

const root = join(__dirname, '../../..');
const DASHBOARD = 'deploy/grafana/handoff-pipeline.json';

/** Grafana's template-variable query function: `label_values(<selector>, <label>)`; the label is not a metric. */
const LABEL_VALUES = /^\s*label_values\(\s*(.*?)\s*,\s*\w+\s*\)\s*$/;

/** Every PromQL expression of a dashboard: panel targets (also in nested rows) and template-variable selectors. */
function dashboardQueries(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(dashboardQueries);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const own: string[] = [];
  if (typeof record['expr'] === 'string') own.push(record['expr']);
  const variableQuery = typeof record['definition'] === 'string' ? LABEL_VALUES.exec(record['definition']) : null;
  if (variableQuery) own.push(variableQuery[1]);
  return [...own, ...Object.values(record).flatMap(dashboardQueries)];
}

/** Each metric a query reads that no service registers, with the query it is in. */
function unknownMetricsOf(dashboard: unknown, known: ReadonlySet<string>): { metric: string; query: string }[] {
  return dashboardQueries(dashboard).flatMap((query) =>
    metricNamesInPromQl(query)
      .filter((metric) => !known.has(metric))
      .map((metric) => ({ metric, query })),
  );
}

const dashboard: unknown = JSON.parse(readFileSync(join(root, DASHBOARD), 'utf8'));
const known = knownMetricNames();

describe(`Grafana dashboard ${DASHBOARD}`, () => {
  it('queries only metrics the services register', () => {
    expect(dashboardQueries(dashboard).length).toBeGreaterThan(15);
    expect(unknownMetricsOf(dashboard, known)).toEqual([]);
  });

  it('charts throughput, lag, latency, dead letters, outbox backlog, fairness, SLA breaches and HTTP errors', () => {
    const queried = new Set(dashboardQueries(dashboard).flatMap(metricNamesInPromQl));

    expect([...queried]).toEqual(
      expect.arrayContaining([
        'handoff_kafka_produced_records_total',
        'handoff_kafka_consumer_lag_records',
        'handoff_kafka_handler_duration_seconds_bucket',
        'handoff_http_request_duration_seconds_bucket',
        'handoff_kafka_dlq_records_total',
        'handoff_outbox_backlog_records',
        'handoff_routing_rep_assignments_total',
        'handoff_routing_sla_breaches_total',
        'handoff_http_requests_total',
      ]),
    );
  });

  it('flags a panel or variable that queries a metric no service registers', () => {
    const stale = {
      panels: [
        { type: 'row', panels: [{ targets: [{ expr: 'sum(rate(handoff_kafka_dlq_total{topic="x"}[5m]))' }] }] },
        {
          targets: [{ expr: 'histogram_quantile(0.9, sum by (le) (rate(handoff_http_request_duration_seconds[5m])))' }],
        },
      ],
      templating: { list: [{ definition: 'label_values(routing_assignments_total, pool)' }] },
    };

    expect(unknownMetricsOf(stale, known).map((found) => found.metric)).toEqual([
      'handoff_kafka_dlq_total',
      'handoff_http_request_duration_seconds',
      'routing_assignments_total',
    ]);
  });
});
