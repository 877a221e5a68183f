export * from './lib/correlation-context';
export * from './lib/metrics-registry';
