import type { DateTime } from 'luxon';
import type { Pool, RepProfile } from '../directory.types';
import { atLocalTime, hasWorkingHours, localTime, weekdayOf, windowsOn } from './local-time';

const MINUTE_MS = 60_000;

interface Span {
  from: number;
  to: number;
}

/**
 * When the rep must have accepted: `pool.slaMinutes` after `assignedAt`, counted on the wall clock or, when the pool
 * says so, only inside the rep's working hours (nights, days off and out-of-office periods do not count).
 */
export function slaDeadline(assignedAt: string, pool: Pool, rep: RepProfile): string {
  const start = Date.parse(assignedAt);
  if (!Number.isFinite(start)) throw new RangeError(`not a valid instant: ${assignedAt}`);
  const budget = pool.slaMinutes * MINUTE_MS;
  // A rep without any working hours has no business time to count in, so the clock runs on wall-clock time.
  if (!pool.slaInBusinessHours || !hasWorkingHours(rep)) return new Date(start + budget).toISOString();
  return new Date(businessDeadline(start, budget, rep)).toISOString();
}

function businessDeadline(start: number, budget: number, rep: RepProfile): number {
  const away = awaySpans(rep);
  let remaining = budget;
  let cursor = start;
  for (let day = localTime(start, rep).startOf('day'); ; day = nextDayToCount(day, away, rep)) {
    for (const span of workingSpans(rep, day, away)) {
      const from = Math.max(span.from, cursor);
      if (from >= span.to) continue;
      if (span.to - from >= remaining) return from + remaining;
      remaining -= span.to - from;
      cursor = span.to;
    }
  }
}

function awaySpans(rep: RepProfile): Span[] {
  return rep.outOfOffice
    .map((period) => ({ from: Date.parse(period.from), to: Date.parse(period.to) }))
    .filter((span) => span.to > span.from)
    .sort((a, b) => a.from - b.from);
}

/** The next local day, skipping straight past days that lie wholly inside an out-of-office period. */
function nextDayToCount(day: DateTime, away: readonly Span[], rep: RepProfile): DateTime {
  let next = day.plus({ days: 1 });
  for (let covering = coveringSpan(next, away); covering; covering = coveringSpan(next, away)) {
    const resume = localTime(covering.to, rep).startOf('day');
    if (resume <= next) break;
    next = resume;
  }
  return next;
}

const coveringSpan = (day: DateTime, away: readonly Span[]): Span | undefined =>
  away.find((span) => span.from <= day.toMillis() && day.toMillis() < span.to);

/** The day's working windows as instants, in order, with out-of-office time cut out. */
function workingSpans(rep: RepProfile, day: DateTime, away: readonly Span[]): Span[] {
  const windows = windowsOn(rep, weekdayOf(day))
    .map((window) => ({ from: atLocalTime(day, window.start).toMillis(), to: atLocalTime(day, window.end).toMillis() }))
    .filter((span) => span.to > span.from)
    .sort((a, b) => a.from - b.from);
  return away.reduce((spans, period) => spans.flatMap((span) => cutOut(span, period)), windows);
}

function cutOut(span: Span, period: Span): Span[] {
  if (period.to <= span.from || period.from >= span.to) return [span];
  return [
    { from: span.from, to: period.from },
    { from: period.to, to: span.to },
  ].filter((piece) => piece.to > piece.from);
}
