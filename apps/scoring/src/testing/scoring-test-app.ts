import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@handoff/platform-runtime';
import { Topics } from '@handoff/contracts';
import {
  httpCall,
  type HttpCallOptions,
  startTestGroupAtEnd,
  TEST_DATABASE_URL,
  TEST_KAFKA_BROKERS,
} from '@handoff/testing';
import { DataSource } from 'typeorm';
import { SCORING_APP_OPTIONS } from '../app/scoring-app.options';

export const TEST_SCORING_ADMIN_TOKEN = 'scoring-int-test-admin-token';

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** The scoring service booted as production boots it, on a schema and consumer group of its own. */
export interface ScoringTestApp {
  app: INestApplication;
  dataSource: DataSource;
  call<T = unknown>(method: string, path: string, options?: HttpCallOptions): Promise<HttpResult<T>>;
  get<T = unknown>(path: string): Promise<HttpResult<T>>;
  /** A POST to an operator endpoint, with the admin token. */
  admin<T = unknown>(path: string, body?: unknown): Promise<HttpResult<T>>;
  /** Stops the app (consumers finish their chunk, commit and leave the group); the schema stays for a restart. */
  stop(): Promise<void>;
}

/**
 * Puts the test's settings in process.env before the app module is first imported: its config is read when the
 * module is declared, so every later boot in the same test file reuses them. The app reaches the same broker and
 * database as the test itself.
 */
export function prepareScoringEnv(env: Record<string, string>): void {
  Object.assign(process.env, {
    DATABASE_URL: TEST_DATABASE_URL,
    KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
    LOG_LEVEL: 'warn',
    SCORING_ADMIN_TOKEN: TEST_SCORING_ADMIN_TOKEN,
    ...env,
  });
}

export async function startScoringApp(): Promise<ScoringTestApp> {
  const { AppModule } = await import('../app/app.module');
  const app = await createServiceApp(AppModule, SCORING_APP_OPTIONS);
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const call = async <T>(method: string, path: string, options?: HttpCallOptions) =>
    (await httpCall(baseUrl, method, path, options)) as HttpResult<T>;
  return {
    app,
    dataSource: app.get(DataSource),
    call,
    get: (path) => call('GET', path),
    admin: (path, body) =>
      call('POST', path, { body, headers: { authorization: `Bearer ${TEST_SCORING_ADMIN_TOKEN}` } }),
    stop: () => app.close(),
  };
}

/**
 * The scoring inputs are shared topics that carry every earlier run's records (benchmarks fill them by the hundred
 * thousand): the test's group starts at their end, so it only scores what the test produces.
 */
export function startScoringGroupAtEnd(groupId: string): Promise<void> {
  return startTestGroupAtEnd(groupId, [Topics.engagementRecorded, Topics.leadMerged, Topics.salesActivity]);
}
