import { Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { ConsoleConfig } from '../app/console.config';
import type { ConsoleSession } from './console-session';
import { PRE_SESSION_TTL_MS } from './session.store';

export interface SessionCookie {
  name: string;
  options: CookieOptions;
}

/**
 * The session cookie for the console's public address: HTTP-only, SameSite=Lax, signed; over https also
 * `Secure` with the `__Host-` prefix (no Domain, Path=/), so no sibling host can set or read it.
 */
export function sessionCookieOf(publicUrl: string): SessionCookie {
  const secure = new URL(publicUrl).protocol === 'https:';
  return {
    name: secure ? '__Host-handoff-console' : 'handoff-console',
    options: { httpOnly: true, sameSite: 'lax', secure, path: '/', signed: true },
  };
}

/** Reads and writes the session id cookie (signed with CONSOLE_SESSION_SECRET through cookie-parser). */
@Injectable()
export class SessionCookies {
  private readonly cookie: SessionCookie;

  constructor(private readonly config: ConsoleConfig) {
    this.cookie = sessionCookieOf(config.CONSOLE_PUBLIC_URL);
  }

  /** The id, when the cookie is there and its signature holds. */
  idOf(request: Request): string | undefined {
    const value: unknown = request.signedCookies?.[this.cookie.name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  }

  /** Lives as long as the session (the store's expiry is what counts; this only spares the browser a dead id). */
  set(response: Response, session: ConsoleSession): void {
    const maxAge = session.kind === 'user' ? this.config.CONSOLE_SESSION_TTL_MS : PRE_SESSION_TTL_MS;
    response.cookie(this.cookie.name, session.id, { ...this.cookie.options, maxAge });
  }

  clear(response: Response): void {
    response.clearCookie(this.cookie.name, this.cookie.options);
  }
}
