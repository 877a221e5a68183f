import { DomainError } from '@handoff/shared-errors';
import { DateTime } from 'luxon';

/** An instant must say its offset: a bare local time would be read in whatever zone the server runs in. */
const TIME_WITH_OFFSET = /T\d{2}(?::?\d{2}){0,2}(?:[.,]\d+)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is an ISO-8601 date-time with an offset (`2027-03-31T23:30:00-07:00`, `…Z`). */
export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && TIME_WITH_OFFSET.test(value) && DateTime.fromISO(value).isValid;
}

/** Whether `value` is a calendar date `YYYY-MM-DD` that exists. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value) && DateTime.fromISO(value).isValid;
}

/** Milliseconds since the epoch; a malformed instant is a caller's bug, reported as `invalid`. */
export function millisOf(instant: string, field = 'instant'): number {
  // Parsed once (isInstant would parse it a second time): instants are read in every fold and period check.
  const parsed = typeof instant === 'string' && TIME_WITH_OFFSET.test(instant) ? DateTime.fromISO(instant) : undefined;
  if (!parsed?.isValid) throw new DomainError('invalid', `${field} must be an ISO-8601 instant with an offset`);
  return parsed.toMillis();
}

/** The canonical form of an instant in results: UTC with milliseconds (`2027-03-31T22:00:00.000Z`). */
export const isoOf = (instant: DateTime): string => instant.toUTC().toISO() as string;

/** The instant as a wall-clock time in `timeZone`. */
export const inZone = (instant: string, timeZone: string): DateTime =>
  DateTime.fromMillis(millisOf(instant), { zone: timeZone });

/** The calendar date of the instant in `timeZone` (`2027-03-31` for 23:30 that day in that zone). */
export const localDateOf = (instant: string, timeZone: string): string =>
  inZone(instant, timeZone).toISODate() as string;
