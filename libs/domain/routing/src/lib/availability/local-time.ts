import { DateTime, IANAZone } from 'luxon';
import { WEEKDAYS, type DailyWindow, type RepProfile, type Weekday } from '../directory.types';

const MINUTES_PER_DAY = 24 * 60;

/**
 * The rep's zone, or UTC for a zone luxon does not know (the directory validates zones; a decision never fails on
 * one). `IANAZone.create` is cached by luxon, while `isValidZone` builds an Intl.DateTimeFormat on every call
 * (~65 µs); with 50 candidates per lead that was two thirds of routing's CPU in `npm run bench:routing`.
 */
export function zoneOf(rep: RepProfile): string {
  return IANAZone.create(rep.timeZone).isValid ? rep.timeZone : 'UTC';
}

/** The instant on the rep's wall clock. */
export function localTime(instant: string | number, rep: RepProfile): DateTime {
  const zone = zoneOf(rep);
  return typeof instant === 'number' ? DateTime.fromMillis(instant, { zone }) : DateTime.fromISO(instant, { zone });
}

export const weekdayOf = (local: DateTime): Weekday => WEEKDAYS[local.weekday - 1];

/** `Tue` for display. */
export const weekdayLabel = (weekday: Weekday): string => weekday[0].toUpperCase() + weekday.slice(1);

/** `HH:mm` as minutes after midnight; `24:00` is 1440. */
export function minutesOf(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Windows of that weekday with a positive length; windows do not wrap past midnight (split them per day). */
export function windowsOn(rep: RepProfile, weekday: Weekday): DailyWindow[] {
  return (rep.workingHours[weekday] ?? []).filter((window) => minutesOf(window.end) > minutesOf(window.start));
}

export function hasWorkingHours(rep: RepProfile): boolean {
  return WEEKDAYS.some((weekday) => windowsOn(rep, weekday).length > 0);
}

/** The instant a local `HH:mm` falls on for the local day `day`; a time skipped by a DST change moves forward. */
export function atLocalTime(day: DateTime, hhmm: string): DateTime {
  const minutes = minutesOf(hhmm);
  if (minutes >= MINUTES_PER_DAY) return day.plus({ days: 1 }).startOf('day');
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });
}

export const describeWindows = (windows: readonly DailyWindow[]): string =>
  windows.map((window) => `${window.start}-${window.end}`).join(', ');
