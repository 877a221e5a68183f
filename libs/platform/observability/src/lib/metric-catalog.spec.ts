import { Registry } from 'prom-client';
import { METRIC_CATALOG } from './metric-catalog';
import { counterOf, registerMetricCatalog } from './metric-factories';

describe('metric catalog', () => {
  it.each(METRIC_CATALOG.map((definition) => [definition.name, definition]))(
    '%s follows the naming scheme (handoff_ prefix, snake_case, unit suffix)',
    (_name, definition) => {
      expect(definition.name).toMatch(/^handoff_[a-z]+(_[a-z0-9]+)+$/);
      if (definition.type === 'counter') expect(definition.name).toMatch(/_total$/);
      else expect(definition.name).not.toMatch(/_total$/);
      if (definition.type === 'histogram') expect(definition.buckets?.length).toBeGreaterThan(0);
      for (const label of definition.labelNames) expect(label).toMatch(/^[a-z][a-z0-9_]*$/);
    },
  );

  it('names every metric once', () => {
    const names = METRIC_CATALOG.map((definition) => definition.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('registers every definition, and asking again returns the metric already registered', () => {
    const registry = new Registry();
    registerMetricCatalog(registry);

    expect(registry.getMetricsAsArray().map((metric) => metric.name)).toEqual(
      METRIC_CATALOG.map((definition) => definition.name),
    );
    const [counter] = METRIC_CATALOG.filter((definition) => definition.type === 'counter');
    expect(counterOf(registry, counter)).toBe(registry.getSingleMetric(counter.name));
  });
});
