import { CSV_MEDIA_TYPE, serveOpenApi, type ServiceAppOptions } from '@handoff/platform-runtime';
import { buildOpenApiDocument } from './openapi';
import { QuotaConfig } from './quota.config';

/** How the quota app is created, in production (main.ts) and in the tests that boot it whole. */
export const QUOTA_APP_OPTIONS: ServiceAppOptions = {
  // Quotas and exchange rates are imported as CSV files exported from planning spreadsheets and finance systems.
  textBodies: [{ mediaTypes: [CSV_MEDIA_TYPE], limit: (app) => app.get(QuotaConfig).QUOTA_CSV_MAX_BYTES }],
  configure: (app) => serveOpenApi(app, buildOpenApiDocument),
};
