import { serveOpenApi, type ServiceAppOptions } from '@handoff/platform-runtime';
import { buildOpenApiDocument } from './openapi';

/** How the delivery app is created, in production (main.ts) and in the tests that boot it whole. */
export const DELIVERY_APP_OPTIONS: ServiceAppOptions = {
  configure: (app) => serveOpenApi(app, buildOpenApiDocument),
};
