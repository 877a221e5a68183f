import { serveOpenApi, type ServiceAppOptions } from '@handoff/platform-runtime';
import { SEGMENT_ROUTES } from '../engagement/segment/segment-routes';
import { IngestConfig } from './ingest.config';
import { buildOpenApiDocument } from './openapi';

/** How the ingest app is created, in production (main.ts) and in the tests that boot it whole. */
export const INGEST_APP_OPTIONS: ServiceAppOptions = {
  // Segment's batch limit (500 KB) by default; each event's own limit is checked per event.
  jsonBodyLimit: (app) => app.get(IngestConfig).INGEST_MAX_BATCH_BYTES,
  // Segment-spec SDKs send JSON as form data (RudderStack's) or gzipped: read it as JSON all the same.
  jsonUnderAnyContentType: SEGMENT_ROUTES,
  configure: (app) => serveOpenApi(app, buildOpenApiDocument),
};
