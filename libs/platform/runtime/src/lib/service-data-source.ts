import { type DataSourceSettings, PLATFORM_MIGRATIONS } from '@handoff/platform-database';
import type { ServiceConfig } from './service.config';
import type { ServiceRuntimeOptions } from './service-runtime.module';

/**
 * A service's data source from its settings: the same for the running service and for its `migrate` job, so the
 * job applies exactly the migrations, in the same order, to the same schema the service then expects.
 */
export function serviceDataSourceSettings<C extends ServiceConfig>(
  options: Pick<ServiceRuntimeOptions<C>, 'service' | 'entities' | 'migrations'>,
  settings: ServiceConfig,
): DataSourceSettings {
  return {
    url: settings.DATABASE_URL,
    schema: settings.DATABASE_SCHEMA,
    poolSize: settings.DATABASE_POOL_SIZE,
    timeouts: {
      statementMs: settings.DATABASE_STATEMENT_TIMEOUT_MS,
      lockMs: settings.DATABASE_LOCK_TIMEOUT_MS,
      poolAcquireMs: settings.DATABASE_POOL_ACQUIRE_TIMEOUT_MS,
    },
    applicationName: options.service,
    entities: options.entities ?? [],
    migrations: [...PLATFORM_MIGRATIONS, ...(options.migrations ?? [])],
  };
}
