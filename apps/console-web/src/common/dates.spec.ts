import { addDays, dateInputValue, startOfLocalDay } from './dates';

describe('dates', () => {
  it('writes a local date as a date input value', () => {
    expect(dateInputValue(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });

  it('moves by calendar days, across month and year ends', () => {
    expect(dateInputValue(addDays(new Date(2026, 11, 31, 12), 1))).toBe('2027-01-01');
    expect(dateInputValue(addDays(new Date(2026, 2, 1, 0, 30), -1))).toBe('2026-02-28');
  });

  it('reads a date input value as its local midnight', () => {
    expect(startOfLocalDay('2026-03-29').getTime()).toBe(new Date(2026, 2, 29).getTime());
  });
});
