import { runServiceMain } from '@handoff/platform-runtime';
import { QUOTA_APP_OPTIONS } from './app/quota-app.options';
import { QUOTA_RUNTIME } from './app/quota.runtime';

// `node main.js [serve | migrate | topics]`: the service, or one of its one-off jobs (README "Images").
void runServiceMain({
  runtime: QUOTA_RUNTIME,
  loadAppModule: async () => (await import('./app/app.module')).AppModule,
  appOptions: QUOTA_APP_OPTIONS,
});
