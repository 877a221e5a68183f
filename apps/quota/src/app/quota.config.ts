import { ServiceConfig } from '@handoff/platform-runtime';

/** The quota service's settings: the shared ones with this service's defaults (see README "Configuration"). */
export class QuotaConfig extends ServiceConfig {
  override HTTP_PORT = 3003;
  override DATABASE_SCHEMA = 'quota';
  override KAFKA_CLIENT_ID = 'quota';
}
