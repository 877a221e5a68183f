import { createMetricsRegistry, registerMetricCatalog } from '@handoff/platform-observability';
import { metricNamesInPromQl } from './promql-metric-names';

/** The series Prometheus stores for a metric of each type; counters and gauges are stored under their own name. */
const SERIES_SUFFIXES: Record<string, readonly string[]> = {
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

/**
 * Every series name a Handoff service can expose, learnt from the code rather than listed by hand: a registry built
 * as the services build theirs (prom-client's default process and Node.js metrics) with every definition of the
 * metric catalog registered. Histograms and summaries appear as the series Prometheus stores (`_bucket`, `_sum`,
 * `_count`), since those are the names a query selects.
 */
export function knownMetricNames(): ReadonlySet<string> {
  const registry = createMetricsRegistry('catalog');
  registerMetricCatalog(registry);
  const names = new Set<string>();
  for (const { name, type } of registry.getMetricsAsArray()) {
    for (const series of SERIES_SUFFIXES[String(type)] ?? ['']) names.add(name + series);
  }
  registry.clear();
  return names;
}

/** Metric names `expr` reads that no service exposes: what a dashboard panel or alert rule would find empty. */
export function unknownMetricsIn(expr: string, known: ReadonlySet<string> = knownMetricNames()): string[] {
  return metricNamesInPromQl(expr).filter((name) => !known.has(name));
}
