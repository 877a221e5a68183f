import { isNotFound, segment } from '../../api/client';
import type { Assignment, LeadRouting } from '../../api/routing';
import { formatDateTime, words } from '../../common/format';
import { ErrorMessage } from '../../common/status';
import type { Loaded } from '../../common/use-load';
import { CandidatesTable } from '../routing/candidates-table';

export const leadRoutingPath = (leadId: string) => `/api/leads/${segment(leadId)}/routing`;

/** The lead's routing decisions, newest first, each with every candidate, and its SLA. */
export function LeadRoutingSection({ routing }: { routing: Loaded<LeadRouting> }) {
  return (
    <section aria-labelledby="routing">
      <h2 id="routing">Routing</h2>
      {routing.data ? <RoutingDetails routing={routing.data} /> : <RoutingStatus routing={routing} />}
    </section>
  );
}

function RoutingStatus({ routing }: { routing: Loaded<LeadRouting> }) {
  if (isNotFound(routing.error)) return <p>Not routed yet.</p>;
  if (routing.error !== undefined) return <ErrorMessage error={routing.error} />;
  return <p className="muted">Loading the routing…</p>;
}

function RoutingDetails({ routing }: { routing: LeadRouting }) {
  if (routing.decisions.length === 0) return <p>Not routed yet.</p>;
  const current = routing.assignments[routing.assignments.length - 1];
  const decisions = [...routing.decisions].reverse();
  return (
    <>
      {current && <SlaState assignment={current} />}
      {decisions.map((decision, index) => (
        <details key={`${decision.qualificationId}-${decision.decidedAt}`} open={index === 0}>
          <summary>
            {formatDateTime(decision.decidedAt)}:{' '}
            {decision.outcome === 'assigned' ? `assigned to ${decision.repId}` : 'queued'} in pool {decision.poolId} (
            {words(decision.trigger)}, rule {decision.ruleId}, rules {decision.ruleSetVersion})
          </summary>
          <p>{decision.reason}</p>
          {decision.trace.notes && decision.trace.notes.length > 0 && (
            <ul>
              {decision.trace.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
          <CandidatesTable caption="Every candidate and why" candidates={decision.trace.candidates} />
        </details>
      ))}
    </>
  );
}

function SlaState({ assignment }: { assignment: Assignment }) {
  return (
    <dl className="facts">
      <dt>Rep</dt>
      <dd>{assignment.repId}</dd>
      <dt>Assigned</dt>
      <dd>
        {formatDateTime(assignment.assignedAt)} ({words(assignment.path)}, attempt {assignment.attempt})
      </dd>
      <dt>SLA due</dt>
      <dd>{formatDateTime(assignment.slaDueAt)}</dd>
      <dt>Status</dt>
      <dd>
        {words(assignment.status)} since {formatDateTime(assignment.statusAt)}
      </dd>
    </dl>
  );
}
