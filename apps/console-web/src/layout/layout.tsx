import { Suspense, useState } from 'react';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router-dom';
import { signOut } from '../api/session';
import { ErrorMessage } from '../common/status';
import { isAdmin, useSession } from '../session/session-context';

const PAGES = [
  { to: '/', label: 'Pipeline' },
  { to: '/leads', label: 'Leads' },
  { to: '/models', label: 'Models' },
  { to: '/routing', label: 'Routing' },
  { to: '/quotas', label: 'Quotas' },
  { to: '/dead-letters', label: 'Dead letters' },
];

/** The signed-in frame: header, main navigation, and the page in the main landmark. */
export function Layout() {
  const { session, signedOut, error, refresh } = useSession();
  const [signOutError, setSignOutError] = useState<unknown>();
  const location = useLocation();

  if (!session) {
    if (signedOut) return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
    return (
      <main>
        {error !== undefined ? <ErrorMessage error={error} /> : <p className="muted">Loading your session…</p>}
      </main>
    );
  }

  const { user } = session;
  const admin = isAdmin(user);
  const leave = async () => {
    try {
      await signOut();
      await refresh();
    } catch (failure) {
      setSignOutError(failure);
    }
  };

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <span className="product">Handoff console</span>
        <span className="user">
          {user.name} <span className="muted">({admin ? 'admin' : 'viewer'})</span>
        </span>
        <button type="button" onClick={() => void leave()}>
          Sign out
        </button>
      </header>
      {signOutError !== undefined && <ErrorMessage error={signOutError} />}
      <nav aria-label="Main" className="main-nav">
        <ul>
          {PAGES.map(({ to, label }) => (
            <li key={to}>
              <NavLink to={to} end={to === '/'}>
                {label}
              </NavLink>
            </li>
          ))}
          {admin && (
            <li>
              <NavLink to="/audit">Audit</NavLink>
            </li>
          )}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
