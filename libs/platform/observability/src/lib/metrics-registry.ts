import { Registry, collectDefaultMetrics } from 'prom-client';

/** Injection token for the service's own prom-client registry (never the global one). */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}
