import type { LocalSignIn, SessionView, SignedOutView } from '@handoff/console-api';
import { apiErrorOf, apiPost } from './client';

export type SessionState = { signedIn: true; session: SessionView } | { signedIn: false; signedOut: SignedOutView };

/** `GET /api/session`: a 401 is an answer here (who may sign in how), not an error. */
export async function readSession(): Promise<SessionState> {
  const response = await fetch('/api/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return { signedIn: true, session: body as SessionView };
  if (response.status === 401 && body && typeof body === 'object' && 'signIn' in body) {
    return { signedIn: false, signedOut: body as SignedOutView };
  }
  throw apiErrorOf(response.status, response.statusText, body);
}

export const signInLocally = (credentials: LocalSignIn) => apiPost<void>('/auth/local', credentials);

export const signOut = () => apiPost<void>('/auth/logout');
