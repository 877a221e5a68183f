import { runServiceMain } from '@handoff/platform-runtime';
import { INGEST_APP_OPTIONS } from './app/ingest-app.options';
import { INGEST_RUNTIME } from './app/ingest.runtime';

// `node main.js [serve | migrate | topics]`: the service, or one of its one-off jobs (README "Images").
void runServiceMain({
  runtime: INGEST_RUNTIME,
  loadAppModule: async () => (await import('./app/app.module')).AppModule,
  appOptions: INGEST_APP_OPTIONS,
});
