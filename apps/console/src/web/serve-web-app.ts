import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { isProduction } from '@handoff/platform-config';
import { ConsoleConfig } from '../app/console.config';
import { securityHeaders } from './security-headers';
import { hasWebBuild, webAppHandlers, webDirOf } from './web-app';

const logger = new Logger('ConsoleWeb');

/**
 * Security headers on every answer and, with CONSOLE_SERVE_WEB, the web app's build at `/`: on the Express app
 * itself, ahead of Nest's routes (Nest's route-scoped middleware would see mount-relative paths).
 */
export function serveWebApp(app: NestExpressApplication): void {
  const config = app.get(ConsoleConfig);
  app.disable('x-powered-by');
  app.use(securityHeaders);
  if (!config.CONSOLE_SERVE_WEB) return;
  const webDir = webDirOf(config.CONSOLE_WEB_DIR);
  if (!hasWebBuild(webDir)) {
    const problem = `CONSOLE_SERVE_WEB is on but ${webDir} has no index.html (build console-web or set CONSOLE_WEB_DIR)`;
    // Locally the backend runs without a web build (Vite serves the app); in production that is a broken console.
    if (isProduction(config)) throw new Error(problem);
    logger.warn({ msg: problem });
    return;
  }
  app.use(...webAppHandlers(webDir));
}
