import type { DailyWindow, Period, Rep, WeeklyHours } from '../../api/routing';
import { WEEKDAYS } from '../../api/routing';

const WINDOW = /^(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})$/;

/** One day's windows as an operator types them: `09:00-12:00, 13:00-17:00`; empty is a day off. */
export function windowsToText(windows: DailyWindow[] | undefined): string {
  return (windows ?? []).map((w) => `${w.start}-${w.end}`).join(', ');
}

/** Reads `09:00-12:00, 13:00-17:00`; throws naming the part that is not a window. */
export function windowsFromText(text: string): DailyWindow[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const match = WINDOW.exec(part);
      if (!match) throw new Error(`“${part}” is not a window like 09:00-17:00`);
      return { start: match[1], end: match[2] };
    });
}

/** A week in one line, for the reps table: `mon 09:00-17:00; tue …`, or `never` for an empty week. */
export function weekSummary(hours: WeeklyHours): string {
  const days = WEEKDAYS.filter((day) => (hours[day] ?? []).length > 0).map(
    (day) => `${day} ${windowsToText(hours[day])}`,
  );
  return days.length > 0 ? days.join('; ') : 'never';
}

/** The out-of-office period holding `now`, if any. */
export function currentAbsence(rep: Rep, now: Date): Period | undefined {
  const t = now.getTime();
  return rep.outOfOffice.find((p) => Date.parse(p.from) <= t && t < Date.parse(p.to));
}

export function isPaused(rep: Rep, now: Date): boolean {
  return rep.pausedUntil !== undefined && Date.parse(rep.pausedUntil) > now.getTime();
}

/**
 * `PUT /api/routing/reps/:id` body with new hours: the whole rep as routing takes it, out-of-office periods and the
 * pause left out so routing keeps them as they are.
 */
export function repWithHours(rep: Rep, timeZone: string, workingHours: WeeklyHours) {
  return {
    id: rep.id,
    name: rep.name,
    active: rep.active,
    teamIds: rep.teamIds,
    weight: rep.weight,
    languages: rep.languages,
    skills: rep.skills,
    timeZone,
    workingHours,
    dailyCap: rep.dailyCap ?? null,
    rolling30DayCap: rep.rolling30DayCap ?? null,
  };
}
