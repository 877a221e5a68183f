import { bootstrapService } from '@handoff/platform-runtime';
import { IngestConfig } from './app/ingest.config';
import { AppModule } from './app/app.module';
import { serveOpenApi } from './app/openapi';

void bootstrapService(AppModule, 'ingest', {
  // Segment's batch limit (500 KB) by default; each event's own limit is checked per event.
  jsonBodyLimit: (app) => app.get(IngestConfig).INGEST_MAX_BATCH_BYTES,
  configure: serveOpenApi,
});
