import { Link } from 'react-router-dom';
import { apiGet } from '../../api/client';
import type { RoutingQueue as Queue } from '../../api/routing';
import { EmptyRow } from '../../common/empty-row';
import { formatDateTime, words } from '../../common/format';
import { LoadState } from '../../common/status';
import { useLoad } from '../../common/use-load';

const PATH = '/api/routing/queue';

/** Leads no rep could take yet, oldest wait first. */
export function RoutingQueue() {
  const queue = useLoad(PATH, async (signal) => (await apiGet<Queue>(PATH, signal)).leads);
  return (
    <section aria-labelledby="queue">
      <h2 id="queue">Waiting leads</h2>
      <LoadState loaded={queue} label="the queue">
        {(leads) => (
          <table>
            <caption>Leads waiting in a pool’s queue</caption>
            <thead>
              <tr>
                <th scope="col">Lead</th>
                <th scope="col">Pool</th>
                <th scope="col">Waiting since</th>
                <th scope="col">Why routed</th>
              </tr>
            </thead>
            <tbody>
              {leads.length === 0 && <EmptyRow columns={4} text="No lead is waiting" />}
              {leads.map((lead) => (
                <tr key={lead.qualificationId}>
                  <th scope="row">
                    <Link to={`/leads/${encodeURIComponent(lead.leadId)}`}>
                      <code>{lead.leadId}</code>
                    </Link>
                  </th>
                  <td>{lead.poolId}</td>
                  <td>{formatDateTime(lead.queuedSince)}</td>
                  <td>
                    {words(lead.trigger)}: {lead.reason}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadState>
    </section>
  );
}
