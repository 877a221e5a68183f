import fc from 'fast-check';
import { FISCAL_PERIOD_KINDS, fiscalPeriodById, fiscalPeriodOf } from './fiscal-periods';
import { periodContains } from './period';

// Zones with awkward offsets and DST rules: half and quarter hours, 30-minute DST, DST at midnight, none at all.
const zones = [
  'UTC',
  'America/Los_Angeles',
  'America/Santiago',
  'America/Asuncion',
  'America/Havana',
  'America/St_Johns',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
];

const calendars = fc.record({
  fiscalYearStartMonth: fc.integer({ min: 1, max: 12 }),
  timeZone: fc.constantFrom(...zones),
});
const instants = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-01-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());
const kinds = fc.constantFrom(...FISCAL_PERIOD_KINDS);

describe('fiscal periods (properties)', () => {
  it('contain the instant they were found for, and their id names the same period', () => {
    fc.assert(
      fc.property(calendars, kinds, instants, (calendar, kind, instant) => {
        const period = fiscalPeriodOf(calendar, kind, instant);

        expect(periodContains(period, instant)).toBe(true);
        expect(fiscalPeriodById(calendar, period.id)).toEqual(period);
      }),
    );
  });

  it('tile time: the next period starts where this one ends', () => {
    fc.assert(
      fc.property(calendars, kinds, instants, (calendar, kind, instant) => {
        const period = fiscalPeriodOf(calendar, kind, instant);
        const next = fiscalPeriodOf(calendar, kind, period.end);

        expect(next.start).toBe(period.end);
        expect(next.id).not.toBe(period.id);
      }),
    );
  });

  it('nest: the month lies in the quarter, the quarter in the fiscal year', () => {
    fc.assert(
      fc.property(calendars, instants, (calendar, instant) => {
        const [month, quarter, year] = FISCAL_PERIOD_KINDS.map((kind) => fiscalPeriodOf(calendar, kind, instant));

        expect(month.fiscalYear).toBe(year.fiscalYear);
        expect(Math.ceil(month.number / 3)).toBe(quarter.number);
        expect(Date.parse(quarter.start)).toBeLessThanOrEqual(Date.parse(month.start));
        expect(Date.parse(month.end)).toBeLessThanOrEqual(Date.parse(quarter.end));
        expect(Date.parse(year.start)).toBeLessThanOrEqual(Date.parse(quarter.start));
        expect(Date.parse(quarter.end)).toBeLessThanOrEqual(Date.parse(year.end));
      }),
    );
  });
});
