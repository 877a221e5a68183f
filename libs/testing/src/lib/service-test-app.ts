import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { httpCall, type HttpCallOptions } from './http-call';

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A service booted as production boots it, listening on a free port, with calls that carry its tokens. */
export interface ServiceTestApp {
  app: INestApplication;
  dataSource: DataSource;
  call<T = unknown>(method: string, path: string, options?: HttpCallOptions): Promise<HttpResult<T>>;
  /** A GET with the read token. */
  get<T = unknown>(path: string): Promise<HttpResult<T>>;
  /** A call to an operator endpoint with the admin token; a string body is sent as it is (say its type). */
  admin<T = unknown>(method: string, path: string, body?: unknown, contentType?: string): Promise<HttpResult<T>>;
  stop(): Promise<void>;
}

export interface ServiceTestTokens {
  admin: string;
  read: string;
}

/** Creates the app with `create` (the service's own createServiceApp call) and listens on a free local port. */
export async function startServiceTestApp(
  create: () => Promise<INestApplication>,
  tokens: ServiceTestTokens,
): Promise<ServiceTestApp> {
  const app = await create();
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const call = async <T>(method: string, path: string, callOptions?: HttpCallOptions) =>
    (await httpCall(baseUrl, method, path, callOptions)) as HttpResult<T>;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  return {
    app,
    dataSource: app.get(DataSource),
    call,
    get: (path) => call('GET', path, { headers: bearer(tokens.read) }),
    admin: (method, path, body, contentType) =>
      call(method, path, {
        body,
        headers: { ...bearer(tokens.admin), ...(contentType ? { 'content-type': contentType } : {}) },
      }),
    stop: () => app.close(),
  };
}
