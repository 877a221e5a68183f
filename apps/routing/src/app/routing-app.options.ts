import { serveOpenApi, type ServiceAppOptions, CSV_MEDIA_TYPE } from '@handoff/platform-runtime';
import { buildOpenApiDocument } from './openapi';
import { RoutingConfig } from './routing.config';

/** How the routing app is created, in production (main.ts) and in the tests that boot it whole. */
export const ROUTING_APP_OPTIONS: ServiceAppOptions = {
  // Rule sets are configuration people write by hand: POST /routing/rules takes YAML as well as JSON.
  yamlBodies: true,
  // Reps and accounts are imported as CSV files exported from HR and CRM systems.
  textBodies: [{ mediaTypes: [CSV_MEDIA_TYPE], limit: (app) => app.get(RoutingConfig).ROUTING_CSV_MAX_BYTES }],
  configure: (app) => serveOpenApi(app, buildOpenApiDocument),
};
