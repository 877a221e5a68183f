import type { ServiceAppOptions } from '@handoff/platform-runtime';
import { serveWebApp } from '../web/serve-web-app';

/** How the console's backend is created, in production (main.ts) and in the tests that boot it whole. */
export const CONSOLE_APP_OPTIONS: ServiceAppOptions = { configure: serveWebApp };
