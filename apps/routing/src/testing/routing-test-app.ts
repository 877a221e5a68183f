import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@handoff/platform-runtime';
import { httpCall, type HttpCallOptions, TEST_DATABASE_URL, TEST_KAFKA_BROKERS } from '@handoff/testing';
import { DataSource } from 'typeorm';
import { ROUTING_APP_OPTIONS } from '../app/routing-app.options';

export const TEST_ROUTING_ADMIN_TOKEN = 'routing-int-test-admin-token';
export const TEST_ROUTING_READ_TOKEN = 'routing-int-test-read-token';

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** The routing service booted as production boots it, on a schema of its own. */
export interface RoutingTestApp {
  app: INestApplication;
  dataSource: DataSource;
  call<T = unknown>(method: string, path: string, options?: HttpCallOptions): Promise<HttpResult<T>>;
  /** A GET with the read token. */
  get<T = unknown>(path: string): Promise<HttpResult<T>>;
  /** A call to an operator endpoint with the admin token; a string body is sent as it is (say its type). */
  admin<T = unknown>(method: string, path: string, body?: unknown, contentType?: string): Promise<HttpResult<T>>;
  stop(): Promise<void>;
}

/**
 * Puts the test's settings in process.env before the app module is first imported: its config is read when the
 * module is declared, so every later boot in the same test file reuses them. The app reaches the same broker and
 * database as the test itself; both tokens are set, so reads need the read token.
 */
export function prepareRoutingEnv(env: Record<string, string>): void {
  Object.assign(process.env, {
    DATABASE_URL: TEST_DATABASE_URL,
    KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
    LOG_LEVEL: 'warn',
    ROUTING_CONSUMERS_ENABLED: 'false',
    ROUTING_REROUTER_ENABLED: 'false',
    ROUTING_ADMIN_TOKEN: TEST_ROUTING_ADMIN_TOKEN,
    ROUTING_READ_TOKEN: TEST_ROUTING_READ_TOKEN,
    ...env,
  });
}

export async function startRoutingApp(): Promise<RoutingTestApp> {
  const { AppModule } = await import('../app/app.module');
  const app = await createServiceApp(AppModule, ROUTING_APP_OPTIONS);
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const call = async <T>(method: string, path: string, options?: HttpCallOptions) =>
    (await httpCall(baseUrl, method, path, options)) as HttpResult<T>;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  return {
    app,
    dataSource: app.get(DataSource),
    call,
    get: (path) => call('GET', path, { headers: bearer(TEST_ROUTING_READ_TOKEN) }),
    admin: (method, path, body, contentType) =>
      call(method, path, {
        body,
        headers: { ...bearer(TEST_ROUTING_ADMIN_TOKEN), ...(contentType ? { 'content-type': contentType } : {}) },
      }),
    stop: () => app.close(),
  };
}
