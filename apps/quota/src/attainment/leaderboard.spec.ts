import { contribution, Q1_2026, repQuota, won } from '../testing/quota-read-fixtures';
import { leaderboardRows, type MemberFigures } from './leaderboard';
import { quotaFigures } from './quota-figures';

const context = { rates: [], now: '2026-05-01T00:00:00Z', timeZone: 'UTC' };
const MARCH = '2026-03-10T00:00:00.000Z';
const usd = (amount: number) => ({ amount, currency: 'USD' });

function member(repId: string, contributions: MemberFigures['contributions'], revenueTarget?: number): MemberFigures {
  const quota = revenueTarget === undefined ? undefined : repQuota(repId, { revenue: usd(revenueTarget) });
  return {
    repId,
    contributions,
    openLeads: 2,
    ...(quota ? { attainment: quotaFigures(quota, contributions, context) } : {}),
  };
}

describe('leaderboardRows', () => {
  it('ranks by revenue attainment ratio, then deals won, then rep id, reps without a revenue target last', () => {
    const rows = leaderboardRows(Q1_2026, [
      member('dee', [...won('dee', MARCH, 100)]),
      member('bo', [...won('bo', MARCH, 500)], 1000),
      member('cy', [...won('cy', MARCH, 250), ...won('cy', MARCH, 250)], 1000),
      member('ana', [...won('ana', MARCH, 500)], 1000),
      member('eve', [...won('eve', MARCH, 900)], 1000),
    ]);

    expect(rows.map((row) => [row.rank, row.repId, row.attainmentRatio, row.dealsWon])).toEqual([
      [1, 'eve', 0.9, 1],
      [2, 'cy', 0.5, 2],
      [3, 'ana', 0.5, 1],
      [4, 'bo', 0.5, 1],
      [5, 'dee', null, 1],
    ]);
  });

  it('gives each row the rep’s revenue figures, counts of what was not withdrawn and pending conversions', () => {
    const contributions = [
      ...won('ana', MARCH, 400),
      contribution('revenue', 'ana', MARCH, { amount: 300, currency: 'EUR' }),
      contribution('lead_accepted', 'ana', MARCH),
      contribution('meeting_held', 'ana', MARCH),
      contribution('deal_won', 'ana', MARCH, { withdrawn: true }),
    ];

    const [row] = leaderboardRows(Q1_2026, [member('ana', contributions, 1000)]);

    expect(row).toEqual({
      rank: 1,
      repId: 'ana',
      quotaId: 'ana-FY2026-Q1',
      currency: 'USD',
      attainmentRatio: 0.4,
      attained: 400,
      target: 1000,
      pace: 'behind',
      paceGap: 600,
      dealsWon: 1,
      leadsAccepted: 1,
      meetingsHeld: 1,
      openLeads: 2,
      pendingConversions: 1,
      restated: false,
    });
  });

  it('marks a rep without a quota restated from the rep’s own late outcomes', () => {
    const late = contribution('deal_won', 'dee', MARCH, { recordedAt: Q1_2026.end });

    expect(leaderboardRows(Q1_2026, [member('dee', [late])])[0]).toMatchObject({ quotaId: null, restated: true });
  });
});
