import type { ServiceRuntimeOptions } from '@handoff/platform-runtime';
import { DELIVERY_ENTITIES, DELIVERY_MIGRATIONS } from '../storage';
import { DeliveryConfig } from './delivery.config';

/** What delivery stands on: read by its AppModule and by the image's `migrate` and `topics` commands (main.ts). */
export const DELIVERY_RUNTIME: ServiceRuntimeOptions<DeliveryConfig> = {
  service: 'delivery',
  config: DeliveryConfig,
  entities: DELIVERY_ENTITIES,
  migrations: DELIVERY_MIGRATIONS,
  tokens: { admin: (config) => config.DELIVERY_ADMIN_TOKEN },
};
