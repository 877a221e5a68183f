import type { SessionView, SignedOutView } from '@handoff/console-api';
import type { HttpResult } from '@handoff/testing';

export interface BrowserCallOptions {
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** Send the session's CSRF token (read from `GET /api/session`) in `x-csrf-token`; default true. */
  csrf?: boolean;
}

/**
 * A browser as the console sees one: it keeps the cookies the backend sets and sends them back, and sends the
 * CSRF token `GET /api/session` gave with every change (unless told not to). Redirects are answers, not followed.
 */
export class ConsoleBrowser {
  private readonly cookies = new Map<string, string>();
  private csrfToken?: string;

  constructor(private readonly baseUrl: string) {}

  async call<T = unknown>(method: string, path: string, options: BrowserCallOptions = {}): Promise<HttpResult<T>> {
    const { csrf = true, ...call } = options;
    const headers: Record<string, string> = { ...call.headers };
    if (this.cookies.size > 0)
      headers['cookie'] = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (csrf && method !== 'GET' && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) this.keepCookie(cookie);
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('application/json');
    return { status: response.status, headers: response.headers, body: (json && text ? JSON.parse(text) : text) as T };
  }

  /** `GET /api/session`, keeping the CSRF token it hands out. */
  async session(): Promise<HttpResult<SessionView | SignedOutView>> {
    const result = await this.call<SessionView | SignedOutView>('GET', '/api/session');
    this.csrfToken = result.body.csrfToken;
    return result;
  }

  /** The local sign-in as the web app does it: the form's CSRF token first, the session's afterwards. */
  async signIn(username: string, password: string): Promise<HttpResult> {
    await this.session();
    const result = await this.call('POST', '/auth/local', { body: { username, password } });
    if (result.status === 204) await this.session();
    return result;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Another browser holding this one's cookies and token (a stolen or replayed session). */
  clone(): ConsoleBrowser {
    const copy = new ConsoleBrowser(this.baseUrl);
    this.cookies.forEach((value, name) => copy.cookies.set(name, value));
    copy.csrfToken = this.csrfToken;
    return copy;
  }

  private keepCookie(setCookie: string): void {
    const [pair, ...attributes] = setCookie.split(';');
    const separator = pair.indexOf('=');
    const [name, value] = [pair.slice(0, separator).trim(), pair.slice(separator + 1).trim()];
    const expired = attributes.some((attribute) => /^\s*expires=Thu, 01 Jan 1970/i.test(attribute));
    if (expired || value === '') this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}
