import { Logger, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { isProduction } from '@handoff/platform-config';
import { ConsoleConfig } from '../app/console.config';
import { securityHeaders } from './security-headers';
import { hasWebBuild, webAppHandlers, webDirOf } from './web-app';

/** Security headers on every answer and, with CONSOLE_SERVE_WEB, the web app's build at `/`. */
@Module({})
export class WebModule implements NestModule {
  private readonly logger = new Logger(WebModule.name);

  constructor(private readonly config: ConsoleConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(securityHeaders).forRoutes('{*path}');
    if (!this.config.CONSOLE_SERVE_WEB) return;
    const webDir = webDirOf(this.config.CONSOLE_WEB_DIR);
    if (!hasWebBuild(webDir)) {
      const problem = `CONSOLE_SERVE_WEB is on but ${webDir} has no index.html (build console-web or set CONSOLE_WEB_DIR)`;
      // Locally the backend runs without a web build (Vite serves the app); in production that is a broken console.
      if (isProduction(this.config)) throw new Error(problem);
      this.logger.warn({ msg: problem });
      return;
    }
    consumer.apply(...webAppHandlers(webDir)).forRoutes('{*path}');
  }
}
