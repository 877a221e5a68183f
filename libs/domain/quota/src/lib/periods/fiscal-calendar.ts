import { IANAZone } from 'luxon';
import { IssueList, describeValue } from '../validation/issue-list';

/**
 * When the fiscal year starts and in which zone its days begin: a period starts at local midnight of its first day
 * in `timeZone` (an IANA name such as `America/Los_Angeles`).
 */
export interface FiscalCalendar {
  /** 1 = January … 12 = December. */
  fiscalYearStartMonth: number;
  timeZone: string;
}

/** Every problem of a calendar, as `field: reason`; empty when valid. */
export function validateFiscalCalendar(calendar: FiscalCalendar): readonly string[] {
  const issues = new IssueList();
  const month = calendar.fiscalYearStartMonth;
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    issues.add('fiscalYearStartMonth', `must be a whole number from 1 (January) to 12, got ${describeValue(month)}`);
  }
  if (typeof calendar.timeZone !== 'string' || !IANAZone.isValidZone(calendar.timeZone)) {
    issues.add('timeZone', `must be an IANA time zone such as Europe/Berlin, got ${describeValue(calendar.timeZone)}`);
  }
  return issues.all;
}
