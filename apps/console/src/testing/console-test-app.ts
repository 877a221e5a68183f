import { Module, type INestApplication } from '@nestjs/common';
import { createServiceApp } from '@handoff/platform-runtime';
import { TEST_DATABASE_URL, TEST_KAFKA_BROKERS, TEST_REDIS_URL } from '@handoff/testing';
import { DataSource } from 'typeorm';
import { CONSOLE_APP_OPTIONS } from '../app/console-app.options';
import { ConsoleBrowser } from './console-browser';
import { TestAdminController } from './test-admin.controller';

/** The console backend booted as production boots it (plus the test-only admin routes), on a free port. */
export interface ConsoleTestApp {
  app: INestApplication;
  dataSource: DataSource;
  baseUrl: string;
  /** A new browser with no cookies. */
  browser(): ConsoleBrowser;
  /** A new browser signed in as the local admin. */
  admin(): Promise<ConsoleBrowser>;
  stop(): Promise<void>;
}

/** Puts the test's settings in process.env before the app module is first imported (its config is read then). */
export function prepareConsoleEnv(env: Record<string, string> = {}): void {
  Object.assign(process.env, {
    DATABASE_URL: TEST_DATABASE_URL,
    KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
    REDIS_URL: TEST_REDIS_URL,
    LOG_LEVEL: 'warn',
    CONSOLE_SERVE_WEB: 'false',
    // Long enough that the scraper stays quiet unless a test asks it for figures.
    CONSOLE_METRICS_SCRAPE_MS: '60000',
    ...env,
  });
}

export async function startConsoleApp(): Promise<ConsoleTestApp> {
  const { AppModule } = await import('../app/app.module');
  @Module({ imports: [AppModule], controllers: [TestAdminController] })
  class ConsoleTestModule {}
  const app = await createServiceApp(ConsoleTestModule, CONSOLE_APP_OPTIONS);
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    dataSource: app.get(DataSource),
    baseUrl,
    browser: () => new ConsoleBrowser(baseUrl),
    admin: async () => {
      const browser = new ConsoleBrowser(baseUrl);
      const signIn = await browser.signIn('admin', 'handoff-admin');
      if (signIn.status !== 204) throw new Error(`signing in as admin: ${signIn.status}`);
      return browser;
    },
    stop: () => app.close(),
  };
}
