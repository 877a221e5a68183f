import { apiGet, isNotFound, segment } from '../../api/client';
import type { LifecycleState, StageHistory } from '../../api/scoring';
import { formatDateTime, words } from '../../common/format';
import { LoadState } from '../../common/status';
import { useLoad } from '../../common/use-load';

/** The stage changes scoring recorded (none for a lead it knows no score of yet). */
export function LifecycleHistory({ leadId, lifecycle }: { leadId: string; lifecycle: LifecycleState }) {
  const path = `/api/leads/${segment(leadId)}/score/stages`;
  const stages = useLoad(path, async (signal) => {
    try {
      return (await apiGet<StageHistory>(path, signal)).changes;
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
  });
  return (
    <section aria-labelledby="lifecycle">
      <h2 id="lifecycle">Lifecycle</h2>
      <p>
        Now <strong>{words(lifecycle.stage)}</strong> since {formatDateTime(lifecycle.since)}, because{' '}
        {words(lifecycle.reason)}
        {lifecycle.detail ? ` (“${lifecycle.detail}”)` : ''}. Qualified {lifecycle.qualificationCount} time
        {lifecycle.qualificationCount === 1 ? '' : 's'}
        {lifecycle.lastQualifiedAt ? `, last on ${formatDateTime(lifecycle.lastQualifiedAt)}` : ''}.
      </p>
      <LoadState loaded={stages} label="the stage changes">
        {(changes) =>
          changes.length > 0 && (
            <ol className="timeline">
              {changes.map((change) => (
                <li key={`${change.at}-${change.to}`}>
                  {formatDateTime(change.at)}: {words(change.from)} → {words(change.to)} ({words(change.reason)}
                  {change.detail ? `: ${change.detail}` : ''})
                </li>
              ))}
            </ol>
          )
        }
      </LoadState>
    </section>
  );
}
