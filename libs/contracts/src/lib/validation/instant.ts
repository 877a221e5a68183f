import { registerDecorator, type ValidationArguments } from 'class-validator';

/** The rule's name in class-validator's metadata (the AsyncAPI generator maps it). */
export const IS_INSTANT = 'isInstant';

/**
 * The window an instant must fall in: nothing Handoff scores happened before 2000, and a source clock may
 * run ahead of ours by at most `maxFutureSkewMs` (one day covers any real time-zone or clock mistake).
 */
export const INSTANT_LIMITS = Object.freeze({
  earliest: '2000-01-01T00:00:00Z',
  maxFutureSkewMs: 24 * 60 * 60 * 1000,
  /** Deadlines (an SLA's due time) lie ahead by nature: up to a year. */
  maxDeadlineAheadMs: 366 * 24 * 60 * 60 * 1000,
  /** Real time zones span -12:00 to +14:00; PostgreSQL refuses offsets beyond ±15:59. */
  maxOffsetHours: 14,
  /** Nanoseconds at most; PostgreSQL rounds to microseconds, JavaScript truncates to milliseconds. */
  maxFractionDigits: 9,
});

const EARLIEST_MS = Date.parse(INSTANT_LIMITS.earliest);
const HOUR_MS = 3_600_000;

/** "24 hours", "366 days": how far ahead of now an instant may lie, in words. */
export function aheadInWords(maxAheadMs: number): string {
  const hours = maxAheadMs / HOUR_MS;
  return hours > 48 ? `${hours / 24} days` : `${hours} hours`;
}

/** The clock the window is read against; tests replace `now` to pin it. */
export const instantClock: { now: () => number } = { now: () => Date.now() };

/**
 * RFC 3339 `date-time` with a mandatory zone, upper-case `T` and `Z` only: the common ground of RFC 3339,
 * `Date.parse` and PostgreSQL's timestamptz. No date-only values, week dates, ordinal dates or basic
 * (separator-less) forms: `Date.parse` reads several of those differently or not at all. Not validator's
 * isRFC3339: it accepts a space or lower-case t, second 60, February 30 and offsets PostgreSQL refuses.
 */
const INSTANT_PATTERN = new RegExp(
  `^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d{1,${INSTANT_LIMITS.maxFractionDigits}})?` +
    `(?:Z|[+-](\\d{2}):(\\d{2}))$`,
);

export const INSTANT_FORMAT_RULE =
  'must be an RFC 3339 date-time with a time zone, e.g. 2024-01-31T10:00:00Z or 2024-01-31T11:00:00.250+01:00';

/** Whether the fields name a real moment: month 1-12, a day the month has, hour 0-23 (no leap seconds). */
function isRealDateTime([year, month, day, hour, minute, second]: number[]): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour <= 23 && minute <= 59 && second <= 59;
}

const isRealOffset = (hours: number, minutes: number): boolean =>
  minutes <= 59 && hours * 60 + minutes <= INSTANT_LIMITS.maxOffsetHours * 60;

/** Milliseconds since the epoch of a well-formed instant, or a reason it is not one (the window is not checked). */
function parseInstant(text: unknown): number | string {
  if (typeof text !== 'string') return INSTANT_FORMAT_RULE;
  const match = INSTANT_PATTERN.exec(text);
  if (!match) return INSTANT_FORMAT_RULE;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = match.slice(1).map(Number);
  if (!isRealDateTime([year, month, day, hour, minute, second])) {
    return 'must be a real calendar date and time (month 01-12, a day the month has, hour 00-23, second 00-59)';
  }
  if (match[7] !== undefined && !isRealOffset(offsetHours, offsetMinutes)) {
    return `must have a time zone offset between -${INSTANT_LIMITS.maxOffsetHours}:00 and +${INSTANT_LIMITS.maxOffsetHours}:00`;
  }
  return Date.parse(text);
}

/**
 * Why `text` is not a well-formed instant, ignoring the window: for a device's clock reading (Segment's
 * `sentAt`), which may be years off and is only used once corrected. Undefined when well-formed.
 */
export function instantFormatProblem(text: unknown): string | undefined {
  const parsed = parseInstant(text);
  return typeof parsed === 'string' ? parsed : undefined;
}

/**
 * Why `text` is not an instant every service accepts (a reason such as "must not be before …", to follow
 * a field name), or undefined when it is one: an RFC 3339 date-time with a zone, from 2000-01-01T00:00:00Z
 * to `maxAheadMs` (default: the event-time skew, 24 hours) after `nowMs`. Never quotes the value.
 */
export function instantProblem(
  text: unknown,
  nowMs: number = instantClock.now(),
  maxAheadMs: number = INSTANT_LIMITS.maxFutureSkewMs,
): string | undefined {
  const parsed = parseInstant(text);
  if (typeof parsed === 'string') return parsed;
  if (parsed < EARLIEST_MS) return `must not be before ${INSTANT_LIMITS.earliest}`;
  if (parsed > nowMs + maxAheadMs) return `must not be more than ${aheadInWords(maxAheadMs)} in the future`;
  return undefined;
}

/**
 * A field holding an instant (see `instantProblem`) no more than `maxAheadMs` ahead of the clock. Contracts use
 * the named forms below; an HTTP query about a moment (e.g. `?at=`) picks the bound that suits it.
 */
export const IsInstant =
  (maxAheadMs: number = INSTANT_LIMITS.maxFutureSkewMs): PropertyDecorator =>
  (target, propertyName) =>
    registerDecorator({
      name: IS_INSTANT,
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [maxAheadMs],
      validator: {
        validate: (value: unknown) => instantProblem(value, instantClock.now(), maxAheadMs) === undefined,
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} ${instantProblem(args.value, instantClock.now(), maxAheadMs) ?? INSTANT_FORMAT_RULE}`,
      },
    });

/** The envelope's `occurredAt` and every other event time of every contract: one definition of a valid instant. */
export const IsTimestamp = (): PropertyDecorator => IsInstant(INSTANT_LIMITS.maxFutureSkewMs);

/** A due time (e.g. an SLA's): the same format and lower bound as `IsTimestamp`, up to a year ahead. */
export const IsDeadline = (): PropertyDecorator => IsInstant(INSTANT_LIMITS.maxDeadlineAheadMs);
