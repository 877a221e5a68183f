import { STATUS_CODES } from 'node:http';
import { Logger } from '@nestjs/common';
import type { ConsoleErrorBody } from '@handoff/console-api';
import { ServiceCallError } from './service-call.error';

export type ServiceName = 'ingest' | 'scoring' | 'routing' | 'quota';

export interface ServiceClientSettings {
  service: ServiceName;
  /** The service's base URL, without a trailing slash. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …` to the service, and nowhere else. */
  token: string;
  timeoutMs: number;
}

/** The query parameters a route lets through (its allow-list); undefined ones are left out. */
export type ServiceQuery = Record<string, string | number | undefined>;

export interface ServiceRequest {
  query?: ServiceQuery;
  /** Sent as JSON. */
  body?: unknown;
}

/** What a service answered: only the body and, for a CSV, its type and file name ever reach the browser. */
export interface ServiceAnswer {
  status: number;
  body: unknown;
  contentType?: string;
  contentDisposition?: string;
}

/** A path with each interpolated value URL-encoded, so an id cannot add segments or a query. */
export function servicePath(parts: TemplateStringsArray, ...values: (string | number)[]): string {
  return parts.reduce((path, part, index) => path + encodeURIComponent(String(values[index - 1])) + part);
}

/** Calls one service's HTTP API with the console's credentials for it (README "Operator console"). */
export class ServiceClient {
  private readonly logger: Logger;

  constructor(private readonly settings: ServiceClientSettings) {
    this.logger = new Logger(`ServiceClient:${settings.service}`);
  }

  get service(): ServiceName {
    return this.settings.service;
  }

  async call(method: string, path: string, request: ServiceRequest = {}): Promise<ServiceAnswer> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(this.urlOf(path, request.query), {
        method,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.settings.timeoutMs),
        headers: {
          authorization: `Bearer ${this.settings.token}`,
          accept: 'application/json, text/csv',
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
      });
      text = await response.text();
    } catch (error) {
      throw this.unanswered(method, path, error);
    }
    if (response.status < 200 || response.status >= 300) throw this.refused(method, path, response, text);
    return this.answerOf(method, path, response, text);
  }

  async get<T>(path: string, query?: ServiceQuery): Promise<T> {
    return (await this.call('GET', path, { query })).body as T;
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    return (await this.call('POST', path, { body })).body as T;
  }

  private urlOf(path: string, query: ServiceQuery = {}): string {
    const url = new URL(`${this.settings.baseUrl}${path}`);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url.toString();
  }

  private answerOf(method: string, path: string, response: Response, text: string): ServiceAnswer {
    const contentType = response.headers.get('content-type') ?? '';
    if (text === '') return { status: response.status, body: undefined };
    if (contentType.includes('json')) {
      try {
        return { status: response.status, body: JSON.parse(text) };
      } catch {
        return this.fail(method, path, 502, `${this.service} answered malformed JSON`);
      }
    }
    if (contentType.startsWith('text/csv')) {
      const contentDisposition = response.headers.get('content-disposition') ?? undefined;
      return { status: response.status, body: text, contentType, contentDisposition };
    }
    return this.fail(method, path, 502, `${this.service} answered with content of type ${contentType || 'none'}`);
  }

  private unanswered(method: string, path: string, error: unknown): ServiceCallError {
    // AbortSignal.timeout rejects with a DOMException, which is not an Error of every realm (jest's, for one).
    const timedOut = (error as { name?: unknown } | undefined)?.name === 'TimeoutError';
    const status = timedOut ? 504 : 502;
    const message = timedOut
      ? `${this.service} did not answer within ${this.settings.timeoutMs} ms`
      : `${this.service} did not answer`;
    this.logger.warn({ msg: 'service did not answer', service: this.service, method, path, status, err: error });
    return this.failure(status, message);
  }

  private refused(method: string, path: string, response: Response, text: string): ServiceCallError {
    // Refused credentials (401/403) or a redirect are the console's setup at fault, not the operator's session: 502.
    if (response.status === 401 || response.status === 403 || response.status < 400) {
      const message = `${this.service} refused the console's call (${response.status}); see the console's logs`;
      this.logger.error({
        msg: 'service refused the call',
        service: this.service,
        method,
        path,
        status: response.status,
      });
      return this.failure(502, message);
    }
    const body = jsonObjectOf(text, response.headers.get('content-type'));
    return new ServiceCallError(response.status, {
      ...body,
      statusCode: response.status,
      error: typeof body.error === 'string' ? body.error : titleOf(response.status),
      message: messageOf(body.message) ?? `${this.service} answered ${response.status}`,
      service: this.service,
    });
  }

  private fail(method: string, path: string, status: number, message: string): never {
    this.logger.error({ msg: message, service: this.service, method, path });
    throw this.failure(status, message);
  }

  private failure(status: number, message: string): ServiceCallError {
    return new ServiceCallError(status, { statusCode: status, error: titleOf(status), message, service: this.service });
  }
}

function jsonObjectOf(text: string, contentType: string | null): Record<string, unknown> {
  if (!contentType?.includes('json')) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function messageOf(message: unknown): ConsoleErrorBody['message'] | undefined {
  if (typeof message === 'string') return message;
  if (Array.isArray(message) && message.every((item) => typeof item === 'string')) return message;
  return undefined;
}

function titleOf(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
