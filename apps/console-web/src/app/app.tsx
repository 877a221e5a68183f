import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { Layout } from '../layout/layout';
import { SessionProvider } from '../session/session-context';
import { SignInPage } from '../session/sign-in-page';

// Each page is its own chunk, so signing in does not wait for the charting library.
const PipelinePage = lazy(() => import('../pages/pipeline/pipeline-page').then((m) => ({ default: m.PipelinePage })));
const LeadsPage = lazy(() => import('../pages/leads/leads-page').then((m) => ({ default: m.LeadsPage })));
const LeadPage = lazy(() => import('../pages/leads/lead-page').then((m) => ({ default: m.LeadPage })));
const ModelsPage = lazy(() => import('../pages/models/models-page').then((m) => ({ default: m.ModelsPage })));
const RoutingPage = lazy(() => import('../pages/routing/routing-page').then((m) => ({ default: m.RoutingPage })));
const QuotasPage = lazy(() => import('../pages/quotas/quotas-page').then((m) => ({ default: m.QuotasPage })));
const DeadLettersPage = lazy(() =>
  import('../pages/dead-letters/dead-letters-page').then((m) => ({ default: m.DeadLettersPage })),
);
const AuditPage = lazy(() => import('../pages/audit/audit-page').then((m) => ({ default: m.AuditPage })));

export function App() {
  return (
    <SessionProvider>
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route element={<Layout />}>
            <Route index element={<PipelinePage />} />
            <Route path="leads" element={<LeadsPage />} />
            <Route path="leads/:id" element={<LeadPage />} />
            <Route path="models" element={<ModelsPage />} />
            <Route path="routing" element={<RoutingPage />} />
            <Route path="quotas" element={<QuotasPage />} />
            <Route path="dead-letters" element={<DeadLettersPage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Route>
        </Routes>
      </Suspense>
    </SessionProvider>
  );
}

export default App;
