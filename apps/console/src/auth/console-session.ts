import type { ConsoleUser } from '@handoff/console-api';
import type { Request } from 'express';

/** An OIDC sign-in under way: what the callback must find again (RFC 7636 verifier, state, nonce). */
export interface OidcAttempt {
  codeVerifier: string;
  state: string;
  nonce: string;
}

/** Before sign-in: holds the CSRF token the sign-in form sends back, and an OIDC attempt. */
export interface PreSession {
  kind: 'pre';
  csrfToken: string;
  oidc?: OidcAttempt;
}

export interface UserSession {
  kind: 'user';
  csrfToken: string;
  user: ConsoleUser;
  signedInAt: string;
}

export type SessionData = PreSession | UserSession;

/** A session as read from Redis, with the id its cookie carries. */
export type ConsoleSession = SessionData & { id: string };

/** The request once SessionMiddleware has read its cookie. */
export interface SessionRequest extends Request {
  consoleSession?: ConsoleSession;
}

export function signedInUserOf(request: SessionRequest): ConsoleUser | undefined {
  const session = request.consoleSession;
  return session?.kind === 'user' ? session.user : undefined;
}
