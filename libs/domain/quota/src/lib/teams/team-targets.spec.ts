import { Q1_2027, dayOfQ1, quota } from '../../testing/builders';
import type { TeamMembership } from './team-history';
import { rolledUpTeamTargets } from './team-targets';

const anaMovesAtHalfTime: TeamMembership[] = [
  { repId: 'ana', teamId: 'emea', from: '2026-01-01T00:00:00Z', to: dayOfQ1(45) },
  { repId: 'ana', teamId: 'dach', from: dayOfQ1(45) },
  { repId: 'bo', teamId: 'emea', from: '2026-01-01T00:00:00Z' },
];
const repQuota = (repId: string, targets = {}) =>
  quota({
    id: `q-${repId}`,
    owner: { kind: 'rep', id: repId },
    targets: { revenue: { amount: 90_000, currency: 'EUR' }, dealsWon: 5, ...targets },
  });

describe('rolledUpTeamTargets', () => {
  it("weights each member's target by the share of the period spent in the team", () => {
    const quotas = [repQuota('ana'), repQuota('bo', { meetingsHeld: 40 })];

    expect(rolledUpTeamTargets('emea', Q1_2027, quotas, anaMovesAtHalfTime)).toEqual({
      revenue: { amount: 135_000, currency: 'EUR' },
      dealsWon: 7.5,
      meetingsHeld: 40,
    });
    expect(rolledUpTeamTargets('dach', Q1_2027, quotas, anaMovesAtHalfTime)).toEqual({
      revenue: { amount: 45_000, currency: 'EUR' },
      dealsWon: 2.5,
    });
  });

  it("ignores other periods' quotas and team quotas", () => {
    const otherPeriod = quota({ id: 'q-ana-q2', period: { ...Q1_2027, id: 'FY2027-Q2' } });
    const teamQuota = quota({ id: 'q-emea', owner: { kind: 'team', id: 'emea' } });

    expect(rolledUpTeamTargets('emea', Q1_2027, [otherPeriod, teamQuota, repQuota('bo')], anaMovesAtHalfTime)).toEqual({
      revenue: { amount: 90_000, currency: 'EUR' },
      dealsWon: 5,
    });
  });

  it('refuses members whose revenue targets are in different currencies', () => {
    const quotas = [repQuota('ana'), repQuota('bo', { revenue: { amount: 100_000, currency: 'USD' } })];

    expect(() => rolledUpTeamTargets('emea', Q1_2027, quotas, anaMovesAtHalfTime)).toThrow(
      "Team emea's members have revenue targets in EUR, USD; a team target needs one currency",
    );
  });
});
