import { apiGet, isNotFound, segment } from '../../api/client';
import { listOf } from '../../api/list-of';
import type { LifecycleState, StageChange } from '../../api/scoring';
import { formatDateTime, words } from '../../common/format';
import { LoadState } from '../../common/status';
import { useLoad } from '../../common/use-load';

/** The stage changes scoring lists, when it offers them (404: only the current stage is known). */
export function LifecycleHistory({ leadId, lifecycle }: { leadId: string; lifecycle: LifecycleState }) {
  const path = `/api/leads/${segment(leadId)}/score/stages`;
  const stages = useLoad(path, async (signal) => {
    try {
      return listOf<StageChange>(await apiGet<unknown>(path, signal), 'stages');
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
                <li key={`${change.at}-${change.stage}`}>
                  {formatDateTime(change.at)}: {words(change.stage)}
                  {change.reason ? ` (${words(change.reason)})` : ''}
                </li>
              ))}
            </ol>
          )
        }
      </LoadState>
    </section>
  );
}
