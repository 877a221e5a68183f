import type { ConsoleUser, SessionView, SignedOutView } from '@handoff/console-api';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setCsrfToken, setUnauthorizedHandler } from '../api/client';
import { readSession } from '../api/session';

export interface SessionContextValue {
  /** Undefined while the session is read. */
  session: SessionView | undefined;
  /** Set when nobody is signed in: how one may sign in. */
  signedOut: SignedOutView | undefined;
  error: unknown;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionView>();
  const [signedOut, setSignedOut] = useState<SignedOutView>();
  const [error, setError] = useState<unknown>();

  const refresh = useCallback(async () => {
    try {
      const state = await readSession();
      setError(undefined);
      if (state.signedIn) {
        setCsrfToken(state.session.csrfToken);
        setSession(state.session);
        setSignedOut(undefined);
      } else {
        setCsrfToken(state.signedOut.csrfToken);
        setSession(undefined);
        setSignedOut(state.signedOut);
      }
    } catch (failure) {
      setError(failure);
    }
  }, []);

  useEffect(() => {
    // A 401 from any call means the session ended: reading it again shows the sign-in page.
    setUnauthorizedHandler(() => void refresh());
    void refresh();
  }, [refresh]);

  const value = useMemo(() => ({ session, signedOut, error, refresh }), [session, signedOut, error, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export function isAdmin(user: ConsoleUser | undefined): boolean {
  return user?.roles.includes('admin') ?? false;
}

/** Whether the signed-in operator may change things (the backend enforces it too). */
export function useIsAdmin(): boolean {
  return isAdmin(useSession().session?.user);
}
