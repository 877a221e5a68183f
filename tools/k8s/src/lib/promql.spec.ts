import { metricNames, promqlProblems } from './promql';

describe('promqlProblems', () => {
  it('accepts the shapes the alert rules use', () => {
    const expression =
      'sum by (service) (rate(handoff_http_requests_total{status=~"5.."}[5m])) / sum by (service) (rate(handoff_http_requests_total[5m])) > 0.05';
    expect(promqlProblems(expression)).toEqual([]);
  });

  it.each([
    ['an empty expression', '  ', 'empty expression'],
    ['an unclosed parenthesis', 'max by (service) (outbox_backlog > 1', 'missing )'],
    ['a stray closing bracket', 'outbox_backlog]', 'unexpected ]'],
    ['an unterminated string', 'routing_assignments_total{trigger="sla_missed}', 'unterminated string'],
    ['no metric at all', 'sum by (service) (vector(1))', 'names no metric'],
  ])('reports %s', (_case, expression, problem) => {
    expect(promqlProblems(expression)).toContain(problem);
  });
});

describe('metricNames', () => {
  it('finds the metrics and skips functions, grouping labels, matchers and ranges', () => {
    expect(
      metricNames(
        'sum by (service, topic) (increase(handoff_kafka_dlq_total{reason="poison"}[10m])) > 0 and outbox_backlog',
      ),
    ).toEqual(['handoff_kafka_dlq_total', 'outbox_backlog']);
  });
});
