import type { ServiceRuntimeOptions } from '@handoff/platform-runtime';
import { ROUTING_ENTITIES, ROUTING_MIGRATIONS } from '../storage';
import { RoutingConfig } from './routing.config';

/** What routing stands on: read by its AppModule and by the image's `migrate` and `topics` commands (main.ts). */
export const ROUTING_RUNTIME: ServiceRuntimeOptions<RoutingConfig> = {
  service: 'routing',
  config: RoutingConfig,
  entities: ROUTING_ENTITIES,
  migrations: ROUTING_MIGRATIONS,
  tokens: { admin: (config) => config.ROUTING_ADMIN_TOKEN, read: (config) => config.ROUTING_READ_TOKEN },
};
