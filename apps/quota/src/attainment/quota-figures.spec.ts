import { contribution, membership, Q1_2026, Q1_MIDDLE, repQuota, teamQuota, won } from '../testing/quota-read-fixtures';
import { quotaFigures, withTeams } from './quota-figures';

const context = { rates: [], now: '2026-05-01T00:00:00Z', timeZone: 'UTC' };
const JANUARY = '2026-01-10T00:00:00.000Z';
const MARCH = '2026-03-10T00:00:00.000Z';

describe('withTeams', () => {
  it('gives each contribution the team its rep was in when it happened', () => {
    const history = [membership('ana', 'north', Q1_2026.start, Q1_MIDDLE), membership('ana', 'south', Q1_MIDDLE)];
    const [early, late, loner] = [
      contribution('deal_won', 'ana', JANUARY),
      contribution('deal_won', 'ana', MARCH),
      contribution('deal_won', 'bo', MARCH),
    ];

    const attributed = withTeams([early, late, loner], history);

    expect(attributed.map((c) => c.teamId)).toEqual(['north', 'south', undefined]);
  });
});

describe('quotaFigures', () => {
  it('counts the owner’s contributions that are not withdrawn', () => {
    const contributions = [
      ...won('ana', JANUARY, 1000),
      contribution('revenue', 'ana', MARCH, { amount: 500, currency: 'USD', withdrawn: true }),
      ...won('bo', MARCH, 9000),
    ];

    const figures = quotaFigures(
      repQuota('ana', { revenue: { amount: 4000, currency: 'USD' }, dealsWon: 4 }),
      contributions,
      context,
    );

    expect(figures).toMatchObject({
      restated: false,
      revenue: { attained: 1000, ratio: 0.25 },
      dealsWon: { attained: 1 },
    });
  });

  it('marks the quota restated when an outcome of its period was recorded after the close, even a withdrawal', () => {
    const lateWithdrawal = contribution('revenue', 'ana', MARCH, {
      amount: 500,
      currency: 'USD',
      withdrawn: true,
      recordedAt: Q1_2026.end,
    });
    const quota = repQuota('ana', { revenue: { amount: 4000, currency: 'USD' } });

    expect(quotaFigures(quota, [...won('ana', JANUARY, 1000), lateWithdrawal], context)).toMatchObject({
      restated: true,
      revenue: { attained: 1000 },
    });
  });

  it('is not restated by someone else’s late outcome', () => {
    const othersLate = contribution('deal_won', 'bo', MARCH, { recordedAt: '2026-04-02T00:00:00.000Z' });

    expect(quotaFigures(repQuota('ana', { dealsWon: 2 }), [othersLate], context).restated).toBe(false);
  });

  it('counts for a team what its members did while in it, and is restated by their late outcomes only', () => {
    const history = [membership('ana', 'north', Q1_2026.start, Q1_MIDDLE), membership('ana', 'south', Q1_MIDDLE)];
    const lateInSouth = contribution('deal_won', 'ana', MARCH, { recordedAt: '2026-04-05T00:00:00.000Z' });
    const contributions = withTeams([contribution('deal_won', 'ana', JANUARY), lateInSouth], history);

    const north = quotaFigures(teamQuota('north', { dealsWon: 2 }), contributions, context);
    const south = quotaFigures(teamQuota('south', { dealsWon: 2 }), contributions, context);

    expect([north.dealsWon?.attained, north.restated]).toEqual([1, false]);
    expect([south.dealsWon?.attained, south.restated]).toEqual([1, true]);
  });
});
