import { runServiceMain } from '@handoff/platform-runtime';
import { ROUTING_APP_OPTIONS } from './app/routing-app.options';
import { ROUTING_RUNTIME } from './app/routing.runtime';

// `node main.js [serve | migrate | topics]`: the service, or one of its one-off jobs (README "Images").
void runServiceMain({
  runtime: ROUTING_RUNTIME,
  loadAppModule: async () => (await import('./app/app.module')).AppModule,
  appOptions: ROUTING_APP_OPTIONS,
});
