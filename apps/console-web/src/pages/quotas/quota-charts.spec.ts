import type { LeaderboardRow } from '../../api/quota';
import { attainmentRows, nearbyPeriods, paceRows } from './quota-charts';

const row = (
  repId: string,
  attained: number | null,
  target: number | null,
  paceGap: number | null,
): LeaderboardRow => ({
  rank: 1,
  repId,
  currency: 'EUR',
  attainmentRatio: attained !== null && target ? attained / target : null,
  attained,
  target,
  pace: 'on_pace',
  paceGap,
  dealsWon: 0,
  leadsAccepted: 0,
  meetingsHeld: 0,
  openLeads: 0,
});

describe('quota charts', () => {
  const members = [row('ana', 1500, 2000, -100), row('ben', null, null, null)];

  it('gives each rep with a revenue target their attainment in percent', () => {
    expect(attainmentRows(members, (id) => id)).toEqual([{ rep: 'ana', attainment: 75 }]);
  });

  it('sets attained against expected to date, the expectation being attained plus the gap', () => {
    expect(paceRows(members, (id) => id)).toEqual([{ rep: 'ana', attained: 1500, expected: 1400 }]);
  });
});

describe('nearbyPeriods', () => {
  it('lists quarters across a year boundary', () => {
    expect(nearbyPeriods('FY2027-Q1')).toEqual(['FY2026-Q2', 'FY2026-Q3', 'FY2026-Q4', 'FY2027-Q1', 'FY2027-Q2']);
  });

  it('lists months with two digits, and years', () => {
    expect(nearbyPeriods('FY2027-M12')).toEqual(['FY2027-M09', 'FY2027-M10', 'FY2027-M11', 'FY2027-M12', 'FY2028-M01']);
    expect(nearbyPeriods('FY2027')).toEqual(['FY2024', 'FY2025', 'FY2026', 'FY2027', 'FY2028']);
  });

  it('keeps a custom period as the only choice', () => {
    expect(nearbyPeriods('launch-2027')).toEqual(['launch-2027']);
  });
});
