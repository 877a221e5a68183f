import type { ServiceAppOptions } from '@handoff/platform-runtime';
import { serveWebApp } from '../web/serve-web-app';
import { trustProxies } from './trusted-proxies';

/** How the console's backend is created, in production (main.ts) and in the tests that boot it whole. */
export const CONSOLE_APP_OPTIONS: ServiceAppOptions = {
  configure: (app) => {
    trustProxies(app);
    serveWebApp(app);
  },
};
