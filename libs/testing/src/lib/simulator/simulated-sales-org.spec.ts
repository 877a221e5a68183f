import { DateTime } from 'luxon';
import { quarterOf } from './sales-org-seeder';
import { type SimulatedRep, simulatedSalesOrg } from './simulated-sales-org';

const org = simulatedSalesOrg();
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function inHours(rep: SimulatedRep, instant: DateTime): boolean {
  const local = instant.setZone(rep.timeZone);
  const minutes = local.hour * 60 + local.minute;
  const toMinutes = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3));
  return (rep.workingHours[DAYS[local.weekday - 1]] ?? []).some(
    (window) => minutes >= toMinutes(window.start) && minutes < toMinutes(window.end),
  );
}

describe('the simulated sales organisation', () => {
  it('has 20+ reps in teams, the pools the shipped rules name, accounts with owners and one rep away', () => {
    const repIds = new Set(org.reps.map((rep) => rep.id));
    const teamIds = new Set(org.teams.map((team) => team.id));
    expect(org.reps.length).toBeGreaterThanOrEqual(20);
    expect(repIds.size).toBe(org.reps.length);
    expect(org.reps.every((rep) => rep.teamIds.every((team) => teamIds.has(team)))).toBe(true);
    expect(org.pools.map((pool) => pool['id']).sort()).toEqual(['enterprise', 'inbound']);
    expect(org.accounts.length).toBeGreaterThan(10);
    expect(org.accounts.every((account) => repIds.has(account.ownerRepId))).toBe(true);
    expect(repIds.has(org.outOfOfficeRepId)).toBe(true);
    expect(new Set(org.reps.map((rep) => rep.currency))).toEqual(new Set(['EUR', 'USD', 'GBP']));
  });

  it('keeps someone of the inbound pool in working hours at every hour of the year', () => {
    const inbound = org.reps.filter((rep) => !rep.teamIds.includes('sim-enterprise'));
    const start = DateTime.fromISO('2026-01-01T00:30:00Z', { zone: 'utc' });
    for (let hour = 0; hour < 365 * 24; hour++) {
      const instant = start.plus({ hours: hour });
      if (!inbound.some((rep) => inHours(rep, instant))) throw new Error(`nobody in hours at ${instant.toISO()}`);
    }
  });
});

describe('quarterOf', () => {
  it('names the fiscal quarter of a January-start year in UTC', () => {
    expect(quarterOf(new Date('2026-12-06T03:00:00Z'))).toEqual({
      id: 'FY2026-Q4',
      start: '2026-10-01T00:00:00.000Z',
      end: '2027-01-01T00:00:00.000Z',
    });
    expect(quarterOf(new Date('2027-01-01T00:00:00Z')).id).toBe('FY2027-Q1');
  });
});
