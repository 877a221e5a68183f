import { serveOpenApi, type ServiceAppOptions } from '@handoff/platform-runtime';
import { buildOpenApiDocument } from './openapi';

/** How the scoring app is created, in production (main.ts) and in the tests that boot it whole. */
export const SCORING_APP_OPTIONS: ServiceAppOptions = {
  // Models are configuration people write by hand: POST /models and /backtest take YAML as well as JSON.
  yamlBodies: true,
  configure: (app) => serveOpenApi(app, buildOpenApiDocument),
};
