import { useState, type FormEvent } from 'react';
import { apiPut, segment } from '../../api/client';
import { WEEKDAYS, type Rep, type WeeklyHours } from '../../api/routing';
import { ErrorMessage } from '../../common/status';
import { useAction } from '../../common/use-action';
import { repWithHours, windowsFromText, windowsToText } from './working-hours';

const DAY_NAMES = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
} as const;

/** Edits a rep's weekly hours and time zone; routing takes the whole rep on PUT. */
export function WorkingHoursForm({ rep, onSaved }: { rep: Rep; onSaved: () => void }) {
  const [timeZone, setTimeZone] = useState(rep.timeZone);
  const [days, setDays] = useState(() =>
    Object.fromEntries(WEEKDAYS.map((day) => [day, windowsToText(rep.workingHours[day])])),
  );
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void run(async () => {
      const hours: WeeklyHours = {};
      for (const day of WEEKDAYS) hours[day] = windowsFromText(days[day]);
      await apiPut(`/api/routing/reps/${segment(rep.id)}`, repWithHours(rep, timeZone.trim(), hours));
      setSaved(true);
      onSaved();
    });
  };

  return (
    <form onSubmit={submit} className="stack hours-form">
      <p className="muted">Windows like 09:00-12:00, 13:00-17:00; leave a day empty for a day off.</p>
      <label>
        Time zone
        <input value={timeZone} onChange={(e) => setTimeZone(e.target.value)} required />
      </label>
      {WEEKDAYS.map((day) => (
        <label key={day}>
          {DAY_NAMES[day]}
          <input value={days[day]} onChange={(e) => setDays({ ...days, [day]: e.target.value })} />
        </label>
      ))}
      <button type="submit" disabled={busy}>
        Save working hours of {rep.name}
      </button>
      {error !== undefined && <ErrorMessage error={error} />}
      {saved && <p role="status">Saved.</p>}
    </form>
  );
}
