import type { ServiceRuntimeOptions } from '@handoff/platform-runtime';
import { QUOTA_ENTITIES, QUOTA_MIGRATIONS } from '../storage';
import { QuotaConfig } from './quota.config';

/** What quota stands on: read by its AppModule and by the image's `migrate` and `topics` commands (main.ts). */
export const QUOTA_RUNTIME: ServiceRuntimeOptions<QuotaConfig> = {
  service: 'quota',
  config: QuotaConfig,
  entities: QUOTA_ENTITIES,
  migrations: QUOTA_MIGRATIONS,
  tokens: { admin: (config) => config.QUOTA_ADMIN_TOKEN, read: (config) => config.QUOTA_READ_TOKEN },
};
