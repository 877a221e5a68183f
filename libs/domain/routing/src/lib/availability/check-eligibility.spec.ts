import { NOW, pool, rep } from '../../testing/builders';
import { ELIGIBILITY_CHECKS, type EligibilityCheckName } from '../decision.types';
import type { RepProfile } from '../directory.types';
import { checkEligibility, isEligible, type EligibilityContext } from './check-eligibility';

const context = (overrides: Partial<EligibilityContext> = {}): EligibilityContext => ({
  now: NOW,
  pool: pool('main'),
  triedRepIds: [],
  ...overrides,
});

function verdict(subject: RepProfile, name: EligibilityCheckName, overrides: Partial<EligibilityContext> = {}) {
  const checks = checkEligibility(subject, context(overrides));
  return checks.find((check) => check.check === name);
}

function failedChecks(subject: RepProfile, overrides: Partial<EligibilityContext> = {}): EligibilityCheckName[] {
  return checkEligibility(subject, context(overrides))
    .filter((check) => !check.passed)
    .map((check) => check.check);
}

describe('checkEligibility', () => {
  it('runs every check once, in ELIGIBILITY_CHECKS order, and passes an available rep', () => {
    const checks = checkEligibility(rep('ana'), context());
    expect(checks.map((check) => check.check)).toEqual([...ELIGIBILITY_CHECKS]);
    expect(isEligible(checks)).toBe(true);
    expect(checks.find((check) => check.check === 'working_hours')?.detail).toBe('not required');
  });

  it('fails an inactive rep', () => {
    expect(failedChecks(rep('ana', { active: false }))).toEqual(['active']);
    expect(verdict(rep('ana', { active: false }), 'active')?.detail).toBe('inactive');
  });

  it('fails a rep paused beyond now and passes one whose pause has ended', () => {
    const paused = rep('ana', { pausedUntil: '2026-01-14T09:30:00.000Z' });
    expect(verdict(paused, 'paused')).toEqual({
      check: 'paused',
      passed: false,
      detail: 'paused until 2026-01-14T09:30:00.000Z',
    });
    expect(verdict(rep('ana', { pausedUntil: NOW }), 'paused')?.passed).toBe(true);
  });

  it('fails a rep out of office now, treating each period as [from, to)', () => {
    const away = rep('ana', { outOfOffice: [{ from: '2026-01-12T00:00:00Z', to: '2026-01-19T00:00:00Z' }] });
    expect(verdict(away, 'out_of_office')).toEqual({
      check: 'out_of_office',
      passed: false,
      detail: 'out of office until 2026-01-19T00:00:00Z',
    });
    expect(verdict(away, 'out_of_office', { now: '2026-01-19T00:00:00Z' })?.passed).toBe(true);
    expect(verdict(away, 'out_of_office', { now: '2026-01-12T00:00:00Z' })?.passed).toBe(false);
  });

  it('fails a rep at the daily or 30-day cap and counts a missing load as no assignments', () => {
    const capped = rep('ana', { dailyCap: 5, rolling30DayCap: 40 });
    const load = { repId: 'ana', assignedToday: 5, assignedLast30Days: 39, openLeads: 2 };
    expect(verdict(capped, 'daily_cap', { load })).toEqual({
      check: 'daily_cap',
      passed: false,
      detail: '5 of 5 today (cap reached)',
    });
    expect(verdict(capped, 'rolling_cap', { load })?.detail).toBe('39 of 40 in 30 days');
    expect(failedChecks(capped, { load: { ...load, assignedLast30Days: 40 } })).toEqual(['daily_cap', 'rolling_cap']);
    expect(failedChecks(capped)).toEqual([]);
    expect(verdict(rep('ana'), 'daily_cap', { load })?.detail).toBe('no today cap');
  });

  it('fails a rep quota reports unavailable and passes one without capacity data', () => {
    const capacity = { repId: 'ana', remainingLeadCapacity: 0, attainmentRatio: 1.2, paceGap: -5, available: false };
    expect(verdict(rep('ana'), 'capacity', { capacity })?.detail).toBe('quota reports the rep unavailable');
    expect(verdict(rep('ana'), 'capacity', { capacity: { ...capacity, available: true } })).toMatchObject({
      passed: true,
      detail: 'remaining capacity 0',
    });
    expect(verdict(rep('ana'), 'capacity')?.detail).toBe('no capacity data');
  });

  it('fails a rep who already had this qualification', () => {
    expect(failedChecks(rep('ana'), { triedRepIds: ['bo', 'ana'] })).toEqual(['already_tried']);
  });

  it('reports every failing reason at once, not only the first', () => {
    const subject = rep('ana', { active: false, pausedUntil: '2027-01-01T00:00:00Z', workingHours: {} });
    expect(failedChecks(subject, { pool: pool('p', { requireWorkingHours: true }), triedRepIds: ['ana'] })).toEqual([
      'active',
      'paused',
      'working_hours',
      'already_tried',
    ]);
  });
});

describe('checkEligibility working hours', () => {
  const hoursRequired = pool('p', { requireWorkingHours: true });
  const hoursCheck = (subject: RepProfile, now: string) =>
    verdict(subject, 'working_hours', { now, pool: hoursRequired });

  it('reads the rep’s own wall clock, with the end of a window exclusive', () => {
    const berlin = rep('ana');
    expect(hoursCheck(berlin, '2026-01-14T08:00:00Z')).toMatchObject({
      passed: true,
      detail: 'local time 09:00 Wed in Europe/Berlin, within 09:00-17:00',
    });
    expect(hoursCheck(berlin, '2026-01-14T16:00:00Z')).toMatchObject({
      passed: false,
      detail: 'local time 17:00 Wed in Europe/Berlin, hours 09:00-17:00',
    });
    expect(hoursCheck(berlin, '2026-01-14T15:59:59Z')?.passed).toBe(true);
  });

  it('fails on a day without hours and supports several windows and 24:00', () => {
    expect(hoursCheck(rep('ana'), '2026-01-17T10:00:00Z')?.detail).toBe(
      'local time 11:00 Sat in Europe/Berlin, no hours on Sat',
    );
    const split = rep('bo', {
      timeZone: 'UTC',
      workingHours: {
        wed: [
          { start: '08:00', end: '12:00' },
          { start: '20:00', end: '24:00' },
        ],
      },
    });
    expect(hoursCheck(split, '2026-01-14T13:00:00Z')?.detail).toBe(
      'local time 13:00 Wed in UTC, hours 08:00-12:00, 20:00-24:00',
    );
    expect(hoursCheck(split, '2026-01-14T23:59:00Z')?.passed).toBe(true);
  });

  it('follows Europe/Berlin across the switch to summer time on 2026-03-29', () => {
    const berlin = rep('ana');
    // 07:30 UTC is 08:30 local (UTC+1) on Friday before the change and 09:30 local (UTC+2) on Monday after it.
    expect(hoursCheck(berlin, '2026-03-27T07:30:00Z')?.passed).toBe(false);
    expect(hoursCheck(berlin, '2026-03-30T07:30:00Z')).toMatchObject({
      passed: true,
      detail: 'local time 09:30 Mon in Europe/Berlin, within 09:00-17:00',
    });
    expect(hoursCheck(berlin, '2026-03-27T08:00:00Z')?.passed).toBe(true);
    expect(hoursCheck(berlin, '2026-03-30T15:30:00Z')?.passed).toBe(false);
  });

  it('follows America/New_York across the return to standard time on 2026-11-01', () => {
    const newYork = rep('bo', { timeZone: 'America/New_York' });
    // 13:30 UTC is 09:30 local (UTC-4) on Friday before the change and 08:30 local (UTC-5) on Monday after it.
    expect(hoursCheck(newYork, '2026-10-30T13:30:00Z')?.passed).toBe(true);
    expect(hoursCheck(newYork, '2026-11-02T13:30:00Z')).toMatchObject({
      passed: false,
      detail: 'local time 08:30 Mon in America/New_York, hours 09:00-17:00',
    });
    expect(hoursCheck(newYork, '2026-11-02T14:00:00Z')?.passed).toBe(true);
  });

  it('reads an unknown time zone as UTC and says so', () => {
    expect(hoursCheck(rep('ana', { timeZone: 'Mars/Olympus' }), '2026-01-14T08:30:00Z')?.detail).toBe(
      'local time 08:30 Wed in UTC (unknown time zone Mars/Olympus), hours 09:00-17:00',
    );
  });
});
