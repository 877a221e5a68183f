import { DomainError } from '@handoff/shared-errors';
import { fiscalPeriodById, fiscalPeriodOf, fiscalPeriodsAt } from './fiscal-periods';
import type { FiscalCalendar } from './fiscal-calendar';

const calendar = (timeZone: string, fiscalYearStartMonth = 1): FiscalCalendar => ({ timeZone, fiscalYearStartMonth });
const quarterOf = (cal: FiscalCalendar, instant: string) => fiscalPeriodOf(cal, 'quarter', instant).id;

describe('fiscalPeriodOf', () => {
  it('gives the month, quarter and year of a calendar-year fiscal calendar in UTC', () => {
    const [month, quarter, year] = fiscalPeriodsAt(calendar('UTC'), '2027-02-15T12:00:00Z');

    expect(month).toEqual({
      id: 'FY2027-M02',
      kind: 'month',
      fiscalYear: 2027,
      number: 2,
      start: '2027-02-01T00:00:00.000Z',
      end: '2027-03-01T00:00:00.000Z',
    });
    expect(quarter).toMatchObject({
      id: 'FY2027-Q1',
      start: '2027-01-01T00:00:00.000Z',
      end: '2027-04-01T00:00:00.000Z',
    });
    expect(year).toMatchObject({ id: 'FY2027', start: '2027-01-01T00:00:00.000Z', end: '2028-01-01T00:00:00.000Z' });
  });

  it.each([
    ['America/Los_Angeles', '2027-03-31T23:30:00-07:00'],
    ['America/New_York', '2027-03-31T23:30:00-04:00'],
    ['Asia/Kolkata', '2027-03-31T23:30:00+05:30'],
    ['Pacific/Chatham', '2027-03-31T23:30:00+13:45'],
  ])('puts a deal closed at 23:30 local on the last day of a quarter in that quarter (%s)', (zone, closedAt) => {
    expect(quarterOf(calendar(zone), closedAt)).toBe('FY2027-Q1');
    expect(quarterOf(calendar(zone), closedAt.replace('23:30:00', '23:59:59.999'))).toBe('FY2027-Q1');
  });

  it("puts the same instant in the next quarter when it is already the next day in the calendar's zone", () => {
    const laQuarterEnd = '2027-04-01T06:30:00Z'; // 23:30 on 31 March in Los Angeles, 07:30 on 1 April in London

    expect(quarterOf(calendar('America/Los_Angeles'), laQuarterEnd)).toBe('FY2027-Q1');
    expect(quarterOf(calendar('Europe/London'), laQuarterEnd)).toBe('FY2027-Q2');
  });

  it('starts and ends periods at local midnight on both sides of a DST change', () => {
    const q1 = fiscalPeriodOf(calendar('Europe/Berlin'), 'quarter', '2027-02-01T00:00:00Z');

    expect(q1.start).toBe('2026-12-31T23:00:00.000Z'); // CET, UTC+1
    expect(q1.end).toBe('2027-03-31T22:00:00.000Z'); // CEST, UTC+2
  });

  it('starts a period at the first instant of its first day when a DST change skips that midnight', () => {
    const asuncion = calendar('America/Asuncion'); // 1 October 2023 began at 01:00 (UTC-3)
    const q3 = fiscalPeriodOf(asuncion, 'quarter', '2023-09-30T23:30:00-04:00');
    const q4 = fiscalPeriodOf(asuncion, 'quarter', '2023-10-01T01:00:00-03:00');

    expect(q3).toMatchObject({ id: 'FY2023-Q3', end: '2023-10-01T04:00:00.000Z' });
    expect(q4).toMatchObject({ id: 'FY2023-Q4', start: '2023-10-01T04:00:00.000Z', end: '2024-01-01T03:00:00.000Z' });
  });

  it('names a fiscal year starting in July by the calendar year it ends in (Australia)', () => {
    const sydneyJuly = calendar('Australia/Sydney', 7);

    expect(fiscalPeriodOf(sydneyJuly, 'quarter', '2027-06-30T23:30:00+10:00')).toMatchObject({
      id: 'FY2027-Q4',
      start: '2027-03-31T13:00:00.000Z', // 1 April 00:00 AEDT (UTC+11)
      end: '2027-06-30T14:00:00.000Z', // 1 July 00:00 AEST (UTC+10)
    });
    expect(quarterOf(sydneyJuly, '2027-07-01T00:00:00+10:00')).toBe('FY2028-Q1');
    expect(fiscalPeriodOf(sydneyJuly, 'fiscal_year', '2026-08-10T09:00:00+10:00')).toMatchObject({
      id: 'FY2027',
      start: '2026-06-30T14:00:00.000Z',
      end: '2027-06-30T14:00:00.000Z',
    });
  });

  it('numbers months from the start of the fiscal year, so January is M12 of a February year', () => {
    const retail = calendar('America/Chicago', 2);

    expect(fiscalPeriodOf(retail, 'month', '2027-01-31T23:30:00-06:00')).toMatchObject({
      id: 'FY2027-M12',
      number: 12,
    });
    expect(quarterOf(retail, '2027-01-31T23:30:00-06:00')).toBe('FY2027-Q4');
    expect(fiscalPeriodOf(retail, 'month', '2027-02-01T00:00:00-06:00').id).toBe('FY2028-M01');
  });

  it('keeps the last day of an April fiscal year in Tokyo in that year', () => {
    const tokyoApril = calendar('Asia/Tokyo', 4);

    expect(fiscalPeriodsAt(tokyoApril, '2027-03-31T23:30:00+09:00').map((p) => p.id)).toEqual([
      'FY2027-M12',
      'FY2027-Q4',
      'FY2027',
    ]);
    expect(fiscalPeriodsAt(tokyoApril, '2027-04-01T00:00:00+09:00').map((p) => p.id)).toEqual([
      'FY2028-M01',
      'FY2028-Q1',
      'FY2028',
    ]);
  });

  it('refuses an invalid calendar, naming the field', () => {
    expect(() => fiscalPeriodOf(calendar('Mars/Olympus'), 'month', '2027-01-01T00:00:00Z')).toThrow(
      /timeZone: must be an IANA time zone/,
    );
  });

  it('refuses an instant without an offset', () => {
    expect(() => fiscalPeriodOf(calendar('UTC'), 'month', '2027-01-01T00:00:00')).toThrow(DomainError);
  });
});

describe('fiscalPeriodById', () => {
  const sydneyJuly = calendar('Australia/Sydney', 7);

  it.each([
    ['FY2027', '2026-06-30T14:00:00.000Z', '2027-06-30T14:00:00.000Z'],
    ['FY2027-Q1', '2026-06-30T14:00:00.000Z', '2026-09-30T14:00:00.000Z'],
    ['FY2027-M03', '2026-08-31T14:00:00.000Z', '2026-09-30T14:00:00.000Z'],
    ['FY2027-Q4', '2027-03-31T13:00:00.000Z', '2027-06-30T14:00:00.000Z'],
  ])('finds %s of a July fiscal year', (id, start, end) => {
    expect(fiscalPeriodById(sydneyJuly, id)).toMatchObject({ id, start, end });
  });

  it('finds the same year by id in a calendar-year calendar', () => {
    expect(fiscalPeriodById(calendar('UTC'), 'FY2027')).toMatchObject({ start: '2027-01-01T00:00:00.000Z' });
  });

  it.each(['FY27', 'FY2027-Q5', 'FY2027-M13', 'FY2027-M3', '2027-Q1', 'fy2027'])('refuses the id %s', (id) => {
    expect(() => fiscalPeriodById(sydneyJuly, id)).toThrow(
      expect.objectContaining({
        code: 'invalid',
        details: [{ field: 'period', reasons: [expect.stringContaining('is not a fiscal period id')] }],
      }),
    );
  });
});
