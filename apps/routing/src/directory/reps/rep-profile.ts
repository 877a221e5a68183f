import type { DailyWindow, Period, RepProfile, WeeklyHours } from '@handoff/domain-routing';
import { WEEKDAYS } from '@handoff/domain-routing';
import type { RepBodyDto } from './rep.dto';

/**
 * The profile a validated body describes, as it is stored and answered: defaults filled in, instants in UTC,
 * windows and periods sorted, days without windows left out. Out-of-office periods and the pause come from
 * `current` when the body leaves them out (see RepBodyDto).
 */
export function repProfileOf(id: string, body: RepBodyDto, current: RepProfile | undefined): RepProfile {
  const outOfOffice = body.outOfOffice ?? current?.outOfOffice ?? [];
  const pausedUntil = body.pausedUntil === undefined ? current?.pausedUntil : (body.pausedUntil ?? undefined);
  return {
    id,
    name: body.name,
    active: body.active ?? true,
    teamIds: [...(body.teamIds ?? [])].sort(),
    weight: body.weight ?? 1,
    languages: body.languages ?? [],
    skills: body.skills ?? [],
    timeZone: body.timeZone,
    workingHours: weeklyHoursOf(body.workingHours),
    outOfOffice: sortedPeriods(outOfOffice),
    ...(pausedUntil === undefined ? {} : { pausedUntil: utc(pausedUntil) }),
    ...(body.dailyCap == null ? {} : { dailyCap: body.dailyCap }),
    ...(body.rolling30DayCap == null ? {} : { rolling30DayCap: body.rolling30DayCap }),
  };
}

export function weeklyHoursOf(hours: WeeklyHours): WeeklyHours {
  const days = WEEKDAYS.flatMap((day) => {
    const windows = hours[day] ?? [];
    return windows.length === 0 ? [] : [[day, sortedWindows(windows)] as const];
  });
  return Object.fromEntries(days);
}

/** Periods in UTC, sorted, each once. */
export function sortedPeriods(periods: readonly Period[]): Period[] {
  const unique = new Map(periods.map(({ from, to }) => [`${utc(from)}/${utc(to)}`, { from: utc(from), to: utc(to) }]));
  return [...unique.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

/** The instant in UTC with milliseconds, as PostgreSQL gives it back. */
export function utc(instant: string): string {
  return new Date(instant).toISOString();
}

function sortedWindows(windows: readonly DailyWindow[]): DailyWindow[] {
  return windows.map(({ start, end }) => ({ start, end })).sort((a, b) => a.start.localeCompare(b.start));
}
