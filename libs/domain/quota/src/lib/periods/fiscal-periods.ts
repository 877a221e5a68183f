import { DomainError } from '@handoff/shared-errors';
import { DateTime } from 'luxon';
import { inZone, isoOf } from '../time/instant';
import { throwIfInvalid } from '../validation/issue-list';
import { validateFiscalCalendar, type FiscalCalendar } from './fiscal-calendar';
import type { Period } from './period';

export const FISCAL_PERIOD_KINDS = ['month', 'quarter', 'fiscal_year'] as const;
export type FiscalPeriodKind = (typeof FISCAL_PERIOD_KINDS)[number];

/**
 * A month, quarter or year of a fiscal calendar. `fiscalYear` is the calendar year the fiscal year ENDS in (a year
 * starting July 2026 is FY2027); `number` counts from the fiscal year's start (M01 is its first month, not January).
 */
export interface FiscalPeriod extends Period {
  kind: FiscalPeriodKind;
  fiscalYear: number;
  /** 1..12 for a month, 1..4 for a quarter, 1 for the year. */
  number: number;
}

const MONTHS_PER: Record<FiscalPeriodKind, number> = { month: 1, quarter: 3, fiscal_year: 12 };
const PERIOD_ID = /^FY(\d{4})(?:-Q([1-4])|-M(0[1-9]|1[0-2]))?$/;

/** The period of that kind the instant falls in, on the calendar's wall clock. */
export function fiscalPeriodOf(calendar: FiscalCalendar, kind: FiscalPeriodKind, instant: string): FiscalPeriod {
  checkCalendar(calendar);
  const local = inZone(instant, calendar.timeZone);
  const startMonth = calendar.fiscalYearStartMonth;
  const startYear = local.month >= startMonth ? local.year : local.year - 1;
  const monthIndex = (local.year - startYear) * 12 + (local.month - startMonth);
  return periodAt(calendar, startYear, kind, Math.floor(monthIndex / MONTHS_PER[kind]));
}

/** The month, quarter and fiscal year holding the instant, in that order. */
export function fiscalPeriodsAt(calendar: FiscalCalendar, instant: string): FiscalPeriod[] {
  return FISCAL_PERIOD_KINDS.map((kind) => fiscalPeriodOf(calendar, kind, instant));
}

/** The period an id such as `FY2027`, `FY2027-Q1` or `FY2027-M03` names; `invalid` for anything else. */
export function fiscalPeriodById(calendar: FiscalCalendar, id: string): FiscalPeriod {
  checkCalendar(calendar);
  const match = PERIOD_ID.exec(id);
  if (!match) {
    throw new DomainError('invalid', 'period must be a fiscal period id such as FY2027, FY2027-Q1 or FY2027-M03', {
      details: [{ field: 'period', reasons: [`is not a fiscal period id: ${JSON.stringify(id.slice(0, 40))}`] }],
    });
  }
  const [, year, quarter, month] = match;
  const startYear = Number(year) - yearsFromStartToEnd(calendar);
  if (quarter) return periodAt(calendar, startYear, 'quarter', Number(quarter) - 1);
  if (month) return periodAt(calendar, startYear, 'month', Number(month) - 1);
  return periodAt(calendar, startYear, 'fiscal_year', 0);
}

function checkCalendar(calendar: FiscalCalendar): void {
  throwIfInvalid(validateFiscalCalendar(calendar), 'fiscal calendar', '(calendar)');
}

/** The `index`-th period (from 0) of that kind in the fiscal year that starts in `startYear`. */
function periodAt(calendar: FiscalCalendar, startYear: number, kind: FiscalPeriodKind, index: number): FiscalPeriod {
  const months = MONTHS_PER[kind];
  const boundary = (monthsIn: number) => monthStart(calendar, startYear, monthsIn);
  const fiscalYear = startYear + yearsFromStartToEnd(calendar);
  const number = index + 1;
  const start = isoOf(boundary(index * months));
  const end = isoOf(boundary((index + 1) * months));
  return { id: idOf(kind, fiscalYear, number), kind, fiscalYear, number, start, end };
}

/**
 * Local midnight of the first day of the month `monthsIn` months after the fiscal year's start. Every boundary is
 * made from its own date, never by adding months to another boundary: where a DST change skips midnight, luxon
 * moves that one boundary forward and the next one still falls on its own midnight.
 */
function monthStart(calendar: FiscalCalendar, startYear: number, monthsIn: number): DateTime {
  const { year, month } = DateTime.utc(startYear, calendar.fiscalYearStartMonth, 1).plus({ months: monthsIn });
  return DateTime.fromObject({ year, month, day: 1 }, { zone: calendar.timeZone });
}

/** A fiscal year is named by the calendar year it ends in: the one it starts in only when it starts in January. */
const yearsFromStartToEnd = (calendar: FiscalCalendar): number => (calendar.fiscalYearStartMonth === 1 ? 0 : 1);

function idOf(kind: FiscalPeriodKind, fiscalYear: number, number: number): string {
  if (kind === 'quarter') return `FY${fiscalYear}-Q${number}`;
  if (kind === 'month') return `FY${fiscalYear}-M${String(number).padStart(2, '0')}`;
  return `FY${fiscalYear}`;
}
