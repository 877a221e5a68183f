import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@handoff/platform-runtime';
import {
  httpCall,
  type HttpCallResponse,
  TEST_DATABASE_URL,
  TEST_KAFKA_BROKERS,
  TEST_REDIS_URL,
} from '@handoff/testing';
import { CONSOLE_APP_OPTIONS } from '../app/console-app.options';

/** The console's backend booted as production boots it, on a free local port. */
export interface ConsoleTestApp {
  app: INestApplication;
  call(method: string, path: string, body?: unknown): Promise<HttpCallResponse>;
  stop(): Promise<void>;
}

/**
 * Puts the test's settings in process.env before the app module is first imported (its config is read when the
 * module is declared): the test's broker, database and Redis, and a scrape interval long enough to stay quiet.
 */
export function prepareConsoleEnv(env: Record<string, string> = {}): void {
  Object.assign(process.env, {
    DATABASE_URL: TEST_DATABASE_URL,
    KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
    REDIS_URL: TEST_REDIS_URL,
    LOG_LEVEL: 'warn',
    CONSOLE_METRICS_SCRAPE_MS: '60000',
    ...env,
  });
}

export async function startConsoleApp(): Promise<ConsoleTestApp> {
  const { AppModule } = await import('../app/app.module');
  const app = await createServiceApp(AppModule, CONSOLE_APP_OPTIONS);
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    call: (method, path, body) => httpCall(baseUrl, method, path, { body }),
    stop: () => app.close(),
  };
}
