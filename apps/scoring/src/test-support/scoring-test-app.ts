import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@handoff/platform-runtime';
import { DataSource } from 'typeorm';

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** The scoring service booted as production boots it, on a schema and consumer group of its own. */
export interface ScoringTestApp {
  app: INestApplication;
  dataSource: DataSource;
  get<T = unknown>(path: string): Promise<HttpResult<T>>;
  post<T = unknown>(path: string, body?: unknown): Promise<HttpResult<T>>;
  /** Stops the app (consumers finish their chunk, commit and leave the group); the schema stays for a restart. */
  stop(): Promise<void>;
}

/**
 * Puts the test's settings in process.env before the app module is first imported: its config is read when the
 * module is declared, so every later boot in the same test file reuses them.
 */
export function prepareScoringEnv(env: Record<string, string>): void {
  Object.assign(process.env, { LOG_LEVEL: 'warn', ...env });
}

export async function startScoringApp(): Promise<ScoringTestApp> {
  const { AppModule } = await import('../app/app.module');
  const app = await createServiceApp(AppModule);
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const call = async <T>(method: string, path: string, body?: unknown): Promise<HttpResult<T>> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('application/json');
    return { status: response.status, headers: response.headers, body: (json ? JSON.parse(text) : text) as T, text };
  };
  return {
    app,
    dataSource: app.get(DataSource),
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    stop: () => app.close(),
  };
}
