import { elapsedFraction, landsAfterClose, periodContains, validatePeriod } from './period';

const q1 = { id: 'FY2027-Q1', start: '2027-01-01T00:00:00.000Z', end: '2027-04-01T00:00:00.000Z' };

describe('periodContains', () => {
  it('includes the start and excludes the end', () => {
    expect(periodContains(q1, '2027-01-01T00:00:00Z')).toBe(true);
    expect(periodContains(q1, '2027-03-31T23:59:59.999Z')).toBe(true);
    expect(periodContains(q1, '2027-04-01T00:00:00Z')).toBe(false);
    expect(periodContains(q1, '2026-12-31T23:59:59.999Z')).toBe(false);
  });

  it('compares instants, whatever offset they are written in', () => {
    expect(periodContains(q1, '2027-03-31T23:30:00-01:00')).toBe(false);
    expect(periodContains(q1, '2027-04-01T00:30:00+01:00')).toBe(true);
  });
});

describe('elapsedFraction', () => {
  const tenDays = { id: 'sprint', start: '2027-01-01T00:00:00Z', end: '2027-01-11T00:00:00Z' };

  it('is the share of the period gone by, clamped to 0..1', () => {
    expect(elapsedFraction(tenDays, '2027-01-03T12:00:00Z')).toBe(0.25);
    expect(elapsedFraction(tenDays, '2026-12-01T00:00:00Z')).toBe(0);
    expect(elapsedFraction(tenDays, '2027-02-01T00:00:00Z')).toBe(1);
  });
});

describe('landsAfterClose', () => {
  it('holds for an outcome of the period recorded once the period has closed', () => {
    expect(landsAfterClose(q1, '2027-03-31T20:00:00Z', '2027-04-02T09:00:00Z')).toBe(true);
    expect(landsAfterClose(q1, '2027-03-31T20:00:00Z', '2027-04-01T00:00:00Z')).toBe(true);
  });

  it('does not hold while the period is open, nor for an outcome of another period', () => {
    expect(landsAfterClose(q1, '2027-03-31T20:00:00Z', '2027-03-31T20:05:00Z')).toBe(false);
    expect(landsAfterClose(q1, '2027-04-01T10:00:00Z', '2027-04-02T09:00:00Z')).toBe(false);
  });
});

describe('validatePeriod', () => {
  it('accepts a custom period', () => {
    expect(
      validatePeriod({ id: 'h1-push', start: '2027-01-01T00:00:00+01:00', end: '2027-07-01T00:00:00+02:00' }),
    ).toEqual([]);
  });

  it('names every bad field', () => {
    expect(validatePeriod({ id: 'spring push', start: '2027-03-01', end: 'soon' })).toEqual([
      'id: must be 1-128 letters, digits, _ . : - starting with a letter or digit',
      'start: must be an ISO-8601 instant with an offset, got "2027-03-01"',
      'end: must be an ISO-8601 instant with an offset, got "soon"',
    ]);
  });

  it('refuses an end that is not after the start', () => {
    expect(validatePeriod({ ...q1, end: q1.start })).toEqual([
      'end: must be after start (2027-01-01T00:00:00.000Z), got 2027-01-01T00:00:00.000Z',
    ]);
  });
});
