import { validatePayload } from '../event-codec';
import { LeadMergedV1 } from '../events/lead-merged.v1';
import { exampleEvents } from '../examples';
import { expectIssue } from '../../testing/violations';
import { INSTANT_LIMITS, instantClock, instantFormatProblem, instantProblem } from './instant';

const NOW = Date.parse('2024-06-01T12:00:00Z');

describe('instantProblem', () => {
  it.each([
    ['UTC with Z', '2024-01-31T10:00:00Z'],
    ['milliseconds', '2024-01-31T10:00:00.250Z'],
    ['nanoseconds', '2024-01-31T10:00:00.123456789Z'],
    ['a positive offset', '2024-01-31T11:00:00+01:00'],
    ['a negative offset', '2024-01-31T05:00:00-05:00'],
    ['the largest real offset', '2024-01-31T10:00:00+14:00'],
    ['a leap day', '2024-02-29T00:00:00Z'],
    ['the earliest instant', INSTANT_LIMITS.earliest],
    ['24 hours ahead', '2024-06-02T12:00:00Z'],
  ])('accepts %s', (_description, text) => {
    expect(instantProblem(text, NOW)).toBeUndefined();
  });

  it.each([
    ['a basic-format date', '20240101'],
    ['a week date', '2024-W05'],
    ['an ordinal date', '2024-031'],
    ['a date without a time', '2024-01-31'],
    ['a time without a zone', '2024-01-31T10:00:00'],
    ['a time without seconds', '2024-01-31T10:00Z'],
    ['a space instead of T', '2024-01-31 10:00:00Z'],
    ['a lower-case t and z', '2024-01-31t10:00:00z'],
    ['a basic-format offset', '2024-01-31T10:00:00+0100'],
    ['an empty fraction', '2024-01-31T10:00:00.Z'],
    ['ten fraction digits', '2024-01-31T10:00:00.1234567891Z'],
    ['surrounding whitespace', ' 2024-01-31T10:00:00Z'],
    ['a number', 1706695200000],
    ['null', null],
  ])('rejects %s as not an RFC 3339 date-time', (_description, text) => {
    expect(instantProblem(text, NOW)).toMatch(/^must be an RFC 3339 date-time with a time zone, e\.g\. /);
  });

  it.each([
    ['February 30', '2024-02-30T10:00:00Z'],
    ['February 29 of a common year', '2023-02-29T10:00:00Z'],
    ['month 13', '2024-13-01T10:00:00Z'],
    ['day 0', '2024-01-00T10:00:00Z'],
    ['hour 24', '2024-01-31T24:00:00Z'],
    ['a leap second', '2024-01-31T23:59:60Z'],
    ['minute 60', '2024-01-31T10:60:00Z'],
  ])('rejects %s as not a real date and time', (_description, text) => {
    expect(instantProblem(text, NOW)).toMatch(/^must be a real calendar date and time/);
  });

  it.each([
    ['+14:01', '2024-01-31T10:00:00+14:01'],
    ['-23:59', '2024-01-31T10:00:00-23:59'],
    ['a minute 60 offset', '2024-01-31T10:00:00+01:60'],
  ])('rejects the offset %s, which PostgreSQL or no real zone knows', (_description, text) => {
    expect(instantProblem(text, NOW)).toBe('must have a time zone offset between -14:00 and +14:00');
  });

  it('rejects instants before 2000', () => {
    expect(instantProblem('1999-12-31T23:59:59.999Z', NOW)).toBe('must not be before 2000-01-01T00:00:00Z');
    expect(instantProblem('2000-01-01T00:30:00+01:00', NOW)).toBe('must not be before 2000-01-01T00:00:00Z');
  });

  it('rejects instants more than 24 hours after now, or the bound a caller gives', () => {
    expect(instantProblem('2024-06-02T12:00:00.001Z', NOW)).toBe('must not be more than 24 hours in the future');
    expect(instantProblem('9999-12-31T23:59:59Z', NOW)).toBe('must not be more than 24 hours in the future');
    expect(instantProblem('2024-06-03T12:00:00Z', NOW, INSTANT_LIMITS.maxDeadlineAheadMs)).toBeUndefined();
    expect(instantProblem('2025-06-03T12:00:00Z', NOW, INSTANT_LIMITS.maxDeadlineAheadMs)).toBe(
      'must not be more than 366 days in the future',
    );
  });

  it('reads the window against the injectable clock when no now is given', () => {
    const clock = jest.spyOn(instantClock, 'now').mockReturnValue(NOW);
    try {
      expect(instantProblem('2024-06-02T13:00:00Z')).toBe('must not be more than 24 hours in the future');
      expect(instantProblem('2024-06-02T11:00:00Z')).toBeUndefined();
    } finally {
      clock.mockRestore();
    }
  });

  it('checks only the form of a device clock reading, which may lie outside the window', () => {
    expect(instantFormatProblem('1970-01-01T00:00:00Z')).toBeUndefined();
    expect(instantFormatProblem('2099-01-01T00:00:00+01:00')).toBeUndefined();
    expect(instantFormatProblem('2024-W05')).toMatch(/^must be an RFC 3339 date-time/);
    expect(instantFormatProblem('2024-02-30T00:00:00Z')).toMatch(/^must be a real calendar date/);
  });

  it('never quotes the value it rejects', () => {
    expect(instantProblem('ada@example.com', NOW)).not.toContain('ada');
  });
});

describe('IsTimestamp on a contract', () => {
  afterEach(() => jest.restoreAllMocks());

  it('states the rule that failed, after the field name', () => {
    jest.spyOn(instantClock, 'now').mockReturnValue(NOW);
    const event = { ...exampleEvents.leadMerged(), occurredAt: '2024-06-03T00:00:00Z' };

    expectIssue(
      () => validatePayload(LeadMergedV1, event, 'lead.merged.v1'),
      'occurredAt',
      /^occurredAt must not be more than 24 hours in the future$/,
    );
  });

  it('follows the clock: an instant too far ahead now is accepted a day later', () => {
    const event = { ...exampleEvents.leadMerged(), occurredAt: '2024-06-03T00:00:00Z' };
    jest.spyOn(instantClock, 'now').mockReturnValue(NOW + INSTANT_LIMITS.maxFutureSkewMs);

    expect(validatePayload(LeadMergedV1, event, 'lead.merged.v1').occurredAt).toBe(event.occurredAt);
  });
});
