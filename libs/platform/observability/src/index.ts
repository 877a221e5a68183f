export * from './lib/correlation-context';
export * from './lib/metrics-registry';
export * from './lib/mask-personal-data';
export * from './lib/json.logger';
export * from './lib/observability.module';
export * from './lib/readiness-indicator';
export * from './lib/health.module';
export { READINESS_CHECK_TIMEOUT_MS } from './lib/readiness.service';
