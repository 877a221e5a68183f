import { useParams } from 'react-router-dom';
import { segment } from '../../api/client';
import type { LeadRouting } from '../../api/routing';
import type { ScoreView } from '../../api/scoring';
import { PageTitle } from '../../common/page-title';
import { LoadState } from '../../common/status';
import { useGet } from '../../common/use-load';
import { useIsAdmin } from '../../session/session-context';
import { LeadContactSection } from './lead-contact';
import { LeadRoutingSection, leadRoutingPath } from './lead-routing';
import { LifecycleHistory } from './lifecycle-history';
import { ReassignForm } from './reassign-form';
import { ScoreHistoryChart } from './score-history-chart';
import { ScoreNow } from './score-now';

export function LeadPage() {
  const leadId = useParams()['id'] ?? '';
  const admin = useIsAdmin();
  const score = useGet<ScoreView>(`/api/leads/${segment(leadId)}/score`);
  const routing = useGet<LeadRouting>(leadRoutingPath(leadId));
  return (
    <>
      <PageTitle>Lead</PageTitle>
      <p>
        <code>{leadId}</code>
      </p>
      <LoadState loaded={score} label="the score">
        {(view) => (
          <>
            <ScoreNow score={view} />
            <LifecycleHistory leadId={leadId} lifecycle={view.lifecycle} />
          </>
        )}
      </LoadState>
      <ScoreHistoryChart leadId={leadId} />
      <LeadRoutingSection routing={routing} />
      {admin && <ReassignForm leadId={leadId} onReassigned={routing.reload} />}
      {admin && <LeadContactSection leadId={leadId} />}
    </>
  );
}
