import type { ServiceRuntimeOptions } from '@handoff/platform-runtime';
import { CONSOLE_ENTITIES, CONSOLE_MIGRATIONS } from '../storage';
import { ConsoleConfig } from './console.config';

/** What the console's backend stands on: read by its AppModule and by the image's `migrate` command (main.ts). */
export const CONSOLE_RUNTIME: ServiceRuntimeOptions<ConsoleConfig> = {
  service: 'console',
  config: ConsoleConfig,
  entities: CONSOLE_ENTITIES,
  migrations: CONSOLE_MIGRATIONS,
};
