import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { signInLocally } from '../api/session';
import { ErrorMessage } from '../common/status';
import { useAction } from '../common/use-action';
import { useSession } from './session-context';

export function SignInPage() {
  const { session, signedOut, error, refresh } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error: failure, run } = useAction();
  // The backend sends a refused identity provider callback back here (OIDC_SIGN_IN_FAILED_PAGE).
  const providerFailed = useSearchParams()[0].get('failed') === 'oidc';

  if (session) return <Navigate to={from} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await signInLocally({ username, password });
      await refresh();
      navigate(from, { replace: true });
    });
  };

  return (
    <main className="sign-in">
      <h1>Sign in to the Handoff console</h1>
      {providerFailed && (
        <p role="alert" className="error">
          Signing in with your identity provider did not work. Please start again.
        </p>
      )}
      {error !== undefined && <ErrorMessage error={error} />}
      {!signedOut && error === undefined && <p className="muted">Loading…</p>}
      {signedOut?.signIn.local && (
        <form onSubmit={submit} className="stack">
          <label>
            Username
            <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required />
          </label>
          <label>
            Password
            <input
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
              required
            />
          </label>
          {failure !== undefined && <ErrorMessage error={failure} />}
          <button type="submit" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      )}
      {signedOut?.signIn.oidc && (
        <p>
          <a href="/auth/oidc/login">Sign in with your identity provider</a>
        </p>
      )}
    </main>
  );
}
