import { membership, Q1_2026, Q1_MIDDLE, repQuota, teamQuota } from '../testing/quota-read-fixtures';
import { teamQuotaOf, teamsOfPeriod } from './team-quota';

const history = [
  membership('ana', 'north', Q1_2026.start, Q1_MIDDLE),
  membership('ana', 'south', Q1_MIDDLE),
  membership('bo', 'north', '2025-01-01T00:00:00.000Z'),
];
const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('teamQuotaOf', () => {
  it('takes the team’s own quota for the period when there is one', () => {
    const own = teamQuota('north', { revenue: usd(50_000) });

    expect(teamQuotaOf('north', Q1_2026, [repQuota('bo', { revenue: usd(10_000) }), own], history)).toEqual({
      quota: own,
      source: 'team_quota',
    });
  });

  it('rolls up the members’ targets by their time in the team, on a linear curve, without one', () => {
    const quotas = [repQuota('ana', { revenue: usd(9_000), dealsWon: 4 }), repQuota('bo', { revenue: usd(10_000) })];

    const { quota, source } = teamQuotaOf('north', Q1_2026, quotas, history);

    expect(source).toBe('rolled_up');
    expect(quota).toMatchObject({ owner: { kind: 'team', id: 'north' }, period: Q1_2026, curve: 'linear' });
    // Ana spent 45 of the quarter's 90 days in north.
    expect(quota.targets).toEqual({ revenue: usd(14_500), dealsWon: 2 });
  });

  it('answers not found when neither the team nor any member has a quota', () => {
    expect(() => teamQuotaOf('north', Q1_2026, [repQuota('cy', { dealsWon: 3 })], history)).toThrow(
      expect.objectContaining({ code: 'not-found', message: expect.stringContaining('none of its members') }),
    );
  });

  it('asks for the team’s own quota when the members’ revenue targets are in several currencies', () => {
    const quotas = [
      repQuota('ana', { revenue: usd(9_000) }),
      repQuota('bo', { revenue: { amount: 1, currency: 'EUR' } }),
    ];

    expect(() => teamQuotaOf('north', Q1_2026, quotas, history)).toThrow(
      expect.objectContaining({ code: 'conflict', message: expect.stringContaining('set a quota for the team') }),
    );
  });
});

describe('teamsOfPeriod', () => {
  it('lists the teams with their own quota and the teams of reps with a quota, during the period', () => {
    const quotas = [repQuota('ana', { dealsWon: 1 }), teamQuota('west', { dealsWon: 1 })];
    const earlier = membership('ana', 'old-team', '2025-01-01T00:00:00.000Z', Q1_2026.start);

    expect(teamsOfPeriod(Q1_2026, quotas, [...history, earlier])).toEqual(['north', 'south', 'west']);
  });
});
