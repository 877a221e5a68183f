import { Counter, Gauge, Histogram, type CollectFunction, type Registry } from 'prom-client';
import { METRIC_CATALOG, type MetricDefinition } from './metric-catalog';

/*
 * Build prom-client metrics from catalog definitions. Each returns the metric already on the registry when there
 * is one: a service's producer and consumers, or two modules, may ask for the same metric.
 */

export function counterOf<L extends string>(registry: Registry, definition: MetricDefinition<L>): Counter<L> {
  return (
    (registry.getSingleMetric(definition.name) as Counter<L> | undefined) ??
    new Counter<L>({ ...base(definition), registers: [registry] })
  );
}

/** `collect` runs at scrape time (e.g. counting a backlog); it is only attached when the gauge is first created. */
export function gaugeOf<L extends string>(
  registry: Registry,
  definition: MetricDefinition<L>,
  collect?: CollectFunction<Gauge<L>>,
): Gauge<L> {
  return (
    (registry.getSingleMetric(definition.name) as Gauge<L> | undefined) ??
    new Gauge<L>({ ...base(definition), registers: [registry], ...(collect ? { collect } : {}) })
  );
}

export function histogramOf<L extends string>(registry: Registry, definition: MetricDefinition<L>): Histogram<L> {
  return (
    (registry.getSingleMetric(definition.name) as Histogram<L> | undefined) ??
    new Histogram<L>({ ...base(definition), buckets: [...(definition.buckets ?? [])], registers: [registry] })
  );
}

/** Registers every catalog metric (no values): what dashboard and alert checks read the known names from. */
export function registerMetricCatalog(registry: Registry): void {
  for (const definition of METRIC_CATALOG) {
    if (definition.type === 'counter') counterOf(registry, definition);
    else if (definition.type === 'gauge') gaugeOf(registry, definition);
    else histogramOf(registry, definition);
  }
}

function base<L extends string>(definition: MetricDefinition<L>) {
  return { name: definition.name, help: definition.help, labelNames: definition.labelNames };
}
