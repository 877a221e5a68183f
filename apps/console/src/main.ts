import { runServiceMain } from '@handoff/platform-runtime';
import { CONSOLE_APP_OPTIONS } from './app/console-app.options';
import { CONSOLE_RUNTIME } from './app/console.runtime';

// `node main.js [serve | migrate | topics]`: the console's backend, or one of its one-off jobs (README "Images").
void runServiceMain({
  runtime: CONSOLE_RUNTIME,
  loadAppModule: async () => (await import('./app/app.module')).AppModule,
  appOptions: CONSOLE_APP_OPTIONS,
});
