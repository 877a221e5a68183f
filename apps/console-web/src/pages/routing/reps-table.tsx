import type { Rep } from '../../api/routing';
import { formatDateTime, formatNumber } from '../../common/format';
import { useIsAdmin } from '../../session/session-context';
import { RepActions } from './rep-actions';
import { WorkingHoursForm } from './working-hours-form';
import { currentAbsence, isPaused, weekSummary } from './working-hours';

export function RepsTable({ reps, onChanged }: { reps: Rep[]; onChanged: () => void }) {
  const admin = useIsAdmin();
  const now = new Date();
  return (
    <table>
      <caption>Reps and their availability</caption>
      <thead>
        <tr>
          <th scope="col">Rep</th>
          <th scope="col">Active</th>
          <th scope="col" className="num">
            Weight
          </th>
          <th scope="col">Out of office</th>
          <th scope="col">Paused</th>
          <th scope="col">Working hours</th>
          {admin && <th scope="col">Actions</th>}
        </tr>
      </thead>
      <tbody>
        {reps.map((rep) => {
          const absence = currentAbsence(rep, now);
          return (
            <tr key={rep.id}>
              <th scope="row">
                {rep.name} <span className="muted">({rep.id})</span>
              </th>
              <td>{rep.active ? 'Yes' : 'No'}</td>
              <td className="num">{formatNumber(rep.weight)}</td>
              <td>{absence ? `Until ${formatDateTime(absence.to)}` : 'No'}</td>
              <td>{isPaused(rep, now) ? `Until ${formatDateTime(rep.pausedUntil)}` : 'No'}</td>
              <td>
                {weekSummary(rep.workingHours)} <span className="muted">({rep.timeZone})</span>
                {admin && (
                  <details>
                    <summary>Edit working hours of {rep.name}</summary>
                    <WorkingHoursForm rep={rep} onSaved={onChanged} />
                  </details>
                )}
              </td>
              {admin && (
                <td>
                  <RepActions rep={rep} onChanged={onChanged} />
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
