import { useState, type FormEvent } from 'react';
import { apiPost, segment } from '../../api/client';
import type { Assignment, ReassignRequest, Rep } from '../../api/routing';
import { formatDateTime } from '../../common/format';
import { ErrorMessage } from '../../common/status';
import { useAction } from '../../common/use-action';
import { useGet } from '../../common/use-load';

/** A manager's move: to a named rep (hours and caps bypassed) or, without one, to the next eligible rep. */
export function ReassignForm({ leadId, onReassigned }: { leadId: string; onReassigned: () => void }) {
  const reps = useGet<{ reps: Rep[] }>('/api/routing/reps');
  const [repId, setRepId] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<Assignment>();
  const { busy, error, run } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: ReassignRequest = { repId: repId || undefined, reason: reason.trim() || undefined };
    void run(async () => {
      setDone(await apiPost<Assignment>(`/api/leads/${segment(leadId)}/reassign`, body));
      onReassigned();
    });
  };

  return (
    <section aria-labelledby="reassign">
      <h2 id="reassign">Reassign</h2>
      <form onSubmit={submit} className="stack">
        <label>
          Rep
          <select value={repId} onChange={(e) => setRepId(e.target.value)}>
            <option value="">Next eligible rep</option>
            {reps.data?.reps
              .filter((rep) => rep.active)
              .map((rep) => (
                <option key={rep.id} value={rep.id}>
                  {rep.name} ({rep.id})
                </option>
              ))}
          </select>
        </label>
        {reps.error !== undefined && <ErrorMessage error={reps.error} />}
        <label>
          Reason
          <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
        </label>
        <button type="submit" disabled={busy}>
          Reassign lead
        </button>
      </form>
      {error !== undefined && <ErrorMessage error={error} />}
      {done && (
        <p role="status">
          Assigned to {done.repId} in pool {done.poolId}; SLA due {formatDateTime(done.slaDueAt)}.
        </p>
      )}
    </section>
  );
}
