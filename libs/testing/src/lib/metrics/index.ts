export * from './known-metric-names';
export * from './promql-metric-names';
