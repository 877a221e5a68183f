import { isInstant, isIsoDate, localDateOf, millisOf } from './instant';

describe('instants', () => {
  it('accepts ISO-8601 date-times that say their offset', () => {
    expect(isInstant('2027-03-31T23:30:00Z')).toBe(true);
    expect(isInstant('2027-03-31T23:30:00.250-07:00')).toBe(true);
    expect(isInstant('2027-03-31T23:30+0530')).toBe(true);
  });

  it('refuses local times, dates and impossible times, which would be read in an unknown zone or not at all', () => {
    expect(isInstant('2027-03-31T23:30:00')).toBe(false);
    expect(isInstant('2027-03-31')).toBe(false);
    expect(isInstant('2027-02-30T10:00:00Z')).toBe(false);
    expect(isInstant(1_800_000_000_000)).toBe(false);
    expect(() => millisOf('2027-03-31T23:30:00', 'at')).toThrow('at must be an ISO-8601 instant with an offset');
  });

  it('gives the calendar date of an instant in a zone', () => {
    expect(localDateOf('2027-04-01T06:30:00Z', 'America/Los_Angeles')).toBe('2027-03-31');
    expect(localDateOf('2027-04-01T06:30:00Z', 'Asia/Tokyo')).toBe('2027-04-01');
  });

  it('accepts only calendar dates that exist', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-2-28')).toBe(false);
  });
});
