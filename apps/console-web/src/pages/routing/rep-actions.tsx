import { useState } from 'react';
import { apiDelete, apiPost, segment, withQuery } from '../../api/client';
import type { Rep } from '../../api/routing';
import { addDays, dateInputValue, startOfLocalDay } from '../../common/dates';
import { ErrorMessage } from '../../common/status';
import { useAction } from '../../common/use-action';
import { currentAbsence, isPaused } from './working-hours';

/** An admin's availability changes for one rep: out of office until a date, or a pause until a date. */
export function RepActions({ rep, onChanged }: { rep: Rep; onChanged: () => void }) {
  const now = new Date();
  const absence = currentAbsence(rep, now);
  const paused = isPaused(rep, now);
  const [until, setUntil] = useState(dateInputValue(addDays(now, 1)));
  const { busy, error, run: runAction } = useAction();
  const base = `/api/routing/reps/${segment(rep.id)}`;
  // The chosen day is the first one back: the rep is away until its local start.
  const untilInstant = () => startOfLocalDay(until).toISOString();

  const run = (change: () => Promise<unknown>) =>
    runAction(async () => {
      await change();
      onChanged();
    });

  return (
    <div className="rep-actions">
      {!absence || !paused ? (
        <label>
          Until, for {rep.name}
          <input type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
        </label>
      ) : null}
      {absence ? (
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(() => apiDelete(withQuery(`${base}/out-of-office`, { from: absence.from, to: absence.to })))
          }
        >
          Back in office
        </button>
      ) : (
        <button
          type="button"
          disabled={busy || !until}
          onClick={() =>
            void run(() => apiPost(`${base}/out-of-office`, { from: now.toISOString(), to: untilInstant() }))
          }
        >
          Set out of office
        </button>
      )}
      {paused ? (
        <button type="button" disabled={busy} onClick={() => void run(() => apiDelete(`${base}/pause`))}>
          Resume
        </button>
      ) : (
        <button
          type="button"
          disabled={busy || !until}
          onClick={() => void run(() => apiPost(`${base}/pause`, { until: untilInstant() }))}
        >
          Pause
        </button>
      )}
      {error !== undefined && <ErrorMessage error={error} />}
    </div>
  );
}
