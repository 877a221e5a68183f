import type { ServiceRuntimeOptions } from '@handoff/platform-runtime';
import { SCORING_ENTITIES, SCORING_MIGRATIONS } from '../storage';
import { ScoringConfig } from './scoring.config';

/** What scoring stands on: read by its AppModule and by the image's `migrate` and `topics` commands (main.ts). */
export const SCORING_RUNTIME: ServiceRuntimeOptions<ScoringConfig> = {
  service: 'scoring',
  config: ScoringConfig,
  entities: SCORING_ENTITIES,
  migrations: SCORING_MIGRATIONS,
  tokens: { admin: (config) => config.SCORING_ADMIN_TOKEN, read: (config) => config.SCORING_READ_TOKEN },
};
