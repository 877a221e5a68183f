import { ServiceConfig } from '@handoff/platform-runtime';

/** The scoring service's settings: the shared ones with this service's defaults (see README "Configuration"). */
export class ScoringConfig extends ServiceConfig {
  override HTTP_PORT = 3001;
  override DATABASE_SCHEMA = 'scoring';
  override KAFKA_CLIENT_ID = 'scoring';
}
