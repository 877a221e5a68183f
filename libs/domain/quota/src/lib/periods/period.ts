import { isInstant, millisOf } from '../time/instant';
import { IDENTIFIER_HINT, IDENTIFIER_PATTERN, IssueList, describeValue } from '../validation/issue-list';

/** A span of time quotas are set for: from `start` (inclusive) to `end` (exclusive), both ISO-8601 instants. */
export interface Period {
  id: string;
  start: string;
  end: string;
}

export function periodContains(period: Period, instant: string): boolean {
  const at = millisOf(instant);
  return millisOf(period.start, 'period.start') <= at && at < millisOf(period.end, 'period.end');
}

/** How much of the period has gone by at `now`, from 0 (not started) to 1 (closed), in elapsed time. */
export function elapsedFraction(period: Period, now: string): number {
  const start = millisOf(period.start, 'period.start');
  const length = millisOf(period.end, 'period.end') - start;
  return Math.min(1, Math.max(0, (millisOf(now, 'now') - start) / length));
}

/**
 * Whether an outcome of this period was recorded after the period closed: its figures change after the fact, so
 * the service marks them restated.
 */
export function landsAfterClose(period: Period, outcomeAt: string, recordedAt: string): boolean {
  return periodContains(period, outcomeAt) && millisOf(recordedAt, 'recordedAt') >= millisOf(period.end, 'period.end');
}

/** Every problem of a custom period, as `field: reason`; empty when valid. */
export function validatePeriod(period: Period): readonly string[] {
  const issues = new IssueList();
  if (typeof period.id !== 'string' || !IDENTIFIER_PATTERN.test(period.id)) issues.add('id', IDENTIFIER_HINT);
  for (const field of ['start', 'end'] as const) {
    if (!isInstant(period[field])) {
      issues.add(field, `must be an ISO-8601 instant with an offset, got ${describeValue(period[field])}`);
    }
  }
  if (isInstant(period.start) && isInstant(period.end) && millisOf(period.end) <= millisOf(period.start)) {
    issues.add('end', `must be after start (${period.start}), got ${period.end}`);
  }
  return issues.all;
}
