import { validateFiscalCalendar } from './fiscal-calendar';

describe('validateFiscalCalendar', () => {
  it('accepts a start month and an IANA zone', () => {
    expect(validateFiscalCalendar({ fiscalYearStartMonth: 7, timeZone: 'Australia/Sydney' })).toEqual([]);
  });

  it('names every bad field with what it got', () => {
    expect(validateFiscalCalendar({ fiscalYearStartMonth: 13, timeZone: 'CET+1' })).toEqual([
      'fiscalYearStartMonth: must be a whole number from 1 (January) to 12, got 13',
      'timeZone: must be an IANA time zone such as Europe/Berlin, got "CET+1"',
    ]);
    expect(validateFiscalCalendar({ fiscalYearStartMonth: 1.5, timeZone: 'Europe/Berlin' })).toEqual([
      'fiscalYearStartMonth: must be a whole number from 1 (January) to 12, got 1.5',
    ]);
  });
});
