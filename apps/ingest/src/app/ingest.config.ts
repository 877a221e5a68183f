import { ServiceConfig } from '@handoff/platform-runtime';

/** The ingest service's settings: the shared ones with this service's defaults (see README "Configuration"). */
export class IngestConfig extends ServiceConfig {
  override HTTP_PORT = 3000;
  override DATABASE_SCHEMA = 'ingest';
  override KAFKA_CLIENT_ID = 'ingest';
}
