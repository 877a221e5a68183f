import { ServiceConfig } from '@handoff/platform-runtime';

/** The routing service's settings: the shared ones with this service's defaults (see README "Configuration"). */
export class RoutingConfig extends ServiceConfig {
  override HTTP_PORT = 3002;
  override DATABASE_SCHEMA = 'routing';
  override KAFKA_CLIENT_ID = 'routing';
}
