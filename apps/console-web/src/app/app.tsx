import { Navigate, Route, Routes } from 'react-router-dom';
import { Layout } from '../layout/layout';
import { AuditPage } from '../pages/audit/audit-page';
import { DeadLettersPage } from '../pages/dead-letters/dead-letters-page';
import { LeadPage } from '../pages/leads/lead-page';
import { LeadsPage } from '../pages/leads/leads-page';
import { ModelsPage } from '../pages/models/models-page';
import { PipelinePage } from '../pages/pipeline/pipeline-page';
import { QuotasPage } from '../pages/quotas/quotas-page';
import { RoutingPage } from '../pages/routing/routing-page';
import { SessionProvider } from '../session/session-context';
import { SignInPage } from '../session/sign-in-page';

export function App() {
  return (
    <SessionProvider>
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
    </SessionProvider>
  );
}

export default App;
