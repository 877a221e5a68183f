import type { ConsoleErrorBody } from '@handoff/console-api';

/** A 4xx/5xx from the console's backend, with the service that answered when it came from one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly service?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** Reads an error answer's body into an ApiError; bodies that are not ConsoleErrorBody keep the status text. */
export function apiErrorOf(status: number, statusText: string, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'message' in body) {
    const { message, service } = body as ConsoleErrorBody;
    const text = Array.isArray(message) ? message.join('; ') : String(message);
    return new ApiError(status, text, service);
  }
  return new ApiError(status, statusText || `HTTP ${status}`);
}

let csrfToken: string | undefined;
let onUnauthorized: () => void = () => undefined;

/** The session hands over its CSRF token, sent on every change. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** What to do when the backend says the session is gone (the session context sends the user to sign in). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

const CHANGING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface RequestOptions {
  method?: string;
  body?: unknown;
  signal?: AbortSignal;
}

/** Same-origin JSON call; answers 204 with undefined. */
export async function apiRequest<T>(path: string, { method = 'GET', body, signal }: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (CHANGING_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    signal,
  });
  const text = await response.text();
  const parsed: unknown = text ? parseJson(text) : undefined;
  if (!response.ok) {
    if (response.status === 401) onUnauthorized();
    throw apiErrorOf(response.status, response.statusText, parsed);
  }
  return parsed as T;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const apiGet = <T>(path: string, signal?: AbortSignal) => apiRequest<T>(path, { signal });
export const apiPost = <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body });
export const apiPut = <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body });
export const apiDelete = <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' });

/** A path with a query string; undefined and empty values are left out. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export const segment = encodeURIComponent;
