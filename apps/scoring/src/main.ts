import { runServiceMain } from '@handoff/platform-runtime';
import { SCORING_APP_OPTIONS } from './app/scoring-app.options';
import { SCORING_RUNTIME } from './app/scoring.runtime';

// `node main.js [serve | migrate | topics]`: the service, or one of its one-off jobs (README "Images").
void runServiceMain({
  runtime: SCORING_RUNTIME,
  loadAppModule: async () => (await import('./app/app.module')).AppModule,
  appOptions: SCORING_APP_OPTIONS,
});
