import type { ServiceRuntimeOptions } from '@handoff/platform-runtime';
import { CONTACTS_MIGRATIONS } from '../contacts';
import { IDENTITY_MIGRATIONS } from '../identity';
import { SOURCES_ENTITIES, SOURCES_MIGRATIONS } from '../sources';
import { IngestConfig } from './ingest.config';

/** What ingest stands on: read by its AppModule and by the image's `migrate` and `topics` commands (main.ts). */
export const INGEST_RUNTIME: ServiceRuntimeOptions<IngestConfig> = {
  service: 'ingest',
  config: IngestConfig,
  entities: SOURCES_ENTITIES,
  migrations: [...IDENTITY_MIGRATIONS, ...SOURCES_MIGRATIONS, ...CONTACTS_MIGRATIONS],
  tokens: { admin: (config) => config.INGEST_ADMIN_TOKEN, contact: (config) => config.INGEST_CONTACT_TOKEN },
};
