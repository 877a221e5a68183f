import fc from 'fast-check';
import { pool, rep } from '../../testing/builders';
import { slaDeadline } from './sla-deadline';

const businessHours = pool('p', { slaMinutes: 60, slaInBusinessHours: true });
const berlin = rep('ana');

describe('slaDeadline', () => {
  it('adds the minutes on the wall clock when the pool does not count business hours', () => {
    expect(slaDeadline('2026-01-14T16:30:00Z', pool('p', { slaMinutes: 60 }), berlin)).toBe('2026-01-14T17:30:00.000Z');
  });

  it('counts within one working day', () => {
    expect(slaDeadline('2026-01-14T09:00:00Z', businessHours, berlin)).toBe('2026-01-14T10:00:00.000Z');
  });

  it('carries the rest over the night into the next morning', () => {
    // Wednesday 16:30 local: 30 minutes today, 30 from Thursday 09:00 local.
    expect(slaDeadline('2026-01-14T15:30:00Z', businessHours, berlin)).toBe('2026-01-15T08:30:00.000Z');
  });

  it('carries the rest over the weekend into Monday', () => {
    expect(slaDeadline('2026-01-16T15:30:00Z', businessHours, berlin)).toBe('2026-01-19T08:30:00.000Z');
  });

  it('starts counting when the hours start for an assignment made before them or on a day off', () => {
    expect(slaDeadline('2026-01-14T06:00:00Z', businessHours, berlin)).toBe('2026-01-14T09:00:00.000Z');
    expect(slaDeadline('2026-01-17T12:00:00Z', businessHours, berlin)).toBe('2026-01-19T09:00:00.000Z');
  });

  it('counts several working days for a long SLA', () => {
    const twoDays = pool('p', { slaMinutes: 16 * 60, slaInBusinessHours: true });
    expect(slaDeadline('2026-01-14T09:00:00Z', twoDays, berlin)).toBe('2026-01-16T09:00:00.000Z');
  });

  it('skips out-of-office time, whole days and parts of a day', () => {
    const awayThursday = rep('ana', {
      outOfOffice: [{ from: '2026-01-15T00:00:00+01:00', to: '2026-01-16T00:00:00+01:00' }],
    });
    expect(slaDeadline('2026-01-14T15:30:00Z', businessHours, awayThursday)).toBe('2026-01-16T08:30:00.000Z');
    const awayThursdayMorning = rep('ana', {
      outOfOffice: [{ from: '2026-01-15T09:00:00+01:00', to: '2026-01-15T12:00:00+01:00' }],
    });
    expect(slaDeadline('2026-01-14T15:30:00Z', businessHours, awayThursdayMorning)).toBe('2026-01-15T11:30:00.000Z');
  });

  it('resumes after a long absence', () => {
    const sevenWeeksAway = rep('ana', { outOfOffice: [{ from: '2026-01-15T00:00:00Z', to: '2026-03-02T00:00:00Z' }] });
    expect(slaDeadline('2026-01-14T15:30:00Z', businessHours, sevenWeeksAway)).toBe('2026-03-02T08:30:00.000Z');
  });

  it('carries over the weekend of the switch to summer time in Europe/Berlin', () => {
    // Friday 16:30 CET (UTC+1); Monday 09:30 is CEST (UTC+2), so 07:30 UTC, not 08:30.
    expect(slaDeadline('2026-03-27T15:30:00Z', businessHours, berlin)).toBe('2026-03-30T07:30:00.000Z');
  });

  it('carries over the weekend of the return to standard time in America/New_York', () => {
    const newYork = rep('bo', { timeZone: 'America/New_York' });
    // Friday 16:30 EDT (UTC-4); Monday 09:30 is EST (UTC-5), so 14:30 UTC, not 13:30.
    expect(slaDeadline('2026-10-30T20:30:00Z', businessHours, newYork)).toBe('2026-11-02T14:30:00.000Z');
  });

  it('falls back to the wall clock for a rep with no working hours at all', () => {
    const noHours = rep('ana', { workingHours: { mon: [], tue: [{ start: '10:00', end: '10:00' }] } });
    expect(slaDeadline('2026-01-17T12:00:00Z', businessHours, noHours)).toBe('2026-01-17T13:00:00.000Z');
  });

  it('rejects an assignment time that is not an instant', () => {
    expect(() => slaDeadline('yesterday', businessHours, berlin)).toThrow(RangeError);
  });

  it('is additive and never earlier than the wall-clock deadline, across zones and DST changes', () => {
    const zones = fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney');
    const instants = fc
      .integer({ min: Date.parse('2026-03-01T00:00:00Z'), max: Date.parse('2026-11-30T00:00:00Z') })
      .map((ms) => new Date(ms).toISOString());
    const minutes = fc.integer({ min: 1, max: 3000 });
    fc.assert(
      fc.property(zones, instants, minutes, minutes, (timeZone, assignedAt, first, second) => {
        const subject = rep('r', {
          timeZone,
          outOfOffice: [{ from: '2026-06-01T00:00:00Z', to: '2026-06-15T00:00:00Z' }],
        });
        const within = (slaMinutes: number) => pool('p', { slaMinutes, slaInBusinessHours: true });
        const deadline = slaDeadline(assignedAt, within(first + second), subject);
        const chained = slaDeadline(slaDeadline(assignedAt, within(first), subject), within(second), subject);
        expect(chained).toBe(deadline);
        expect(Date.parse(deadline)).toBeGreaterThanOrEqual(Date.parse(assignedAt) + (first + second) * 60_000);
      }),
    );
  });
});
