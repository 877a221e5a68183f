import { runServiceMain } from '@handoff/platform-runtime';
import { DELIVERY_APP_OPTIONS } from './app/delivery-app.options';
import { DELIVERY_RUNTIME } from './app/delivery.runtime';

// `node main.js [serve | migrate | topics]`: the service, or one of its one-off jobs (README "Images").
void runServiceMain({
  runtime: DELIVERY_RUNTIME,
  loadAppModule: async () => (await import('./app/app.module')).AppModule,
  appOptions: DELIVERY_APP_OPTIONS,
});
