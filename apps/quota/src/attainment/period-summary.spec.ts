import { contribution, Q1_2026, repQuota, teamQuota, won } from '../testing/quota-read-fixtures';
import { periodSummaryOf, teamRollUpOf } from './period-summary';
import { quotaFigures } from './quota-figures';

const NOW = '2026-02-15T00:00:00.000Z';
const context = { rates: [], now: NOW, timeZone: 'UTC' };
const JANUARY = '2026-01-10T00:00:00.000Z';
const period = { ...Q1_2026, kind: 'quarter' };

describe('periodSummaryOf', () => {
  const eur = (amount: number) => ({ amount, currency: 'EUR' });
  const usd = (amount: number) => ({ amount, currency: 'USD' });
  const repFigures = [
    // At half time: 600 of 1000 is ahead, 200 of 1000 behind, 500 of 1000 on pace.
    quotaFigures(repQuota('ana', { revenue: usd(1000) }), won('ana', JANUARY, 600), context),
    quotaFigures(
      repQuota('bo', { revenue: usd(1000.1) }),
      [...won('bo', JANUARY, 200.05), contribution('revenue', 'bo', JANUARY, { amount: 5, currency: 'GBP' })],
      context,
    ),
    quotaFigures(repQuota('cy', { revenue: eur(1000) }), won('cy', JANUARY, 500, 'EUR'), context),
    // No revenue target: paced by deals won, 0 of 4 by half time is behind.
    quotaFigures(
      repQuota('dee', { dealsWon: 4 }),
      [contribution('lead_accepted', 'dee', JANUARY, { recordedAt: Q1_2026.end })],
      context,
    ),
  ];
  const restatedNorth = quotaFigures(
    teamQuota('north', { dealsWon: 2 }),
    [contribution('deal_won', 'ana', JANUARY, { teamId: 'north', recordedAt: '2026-04-03T00:00:00.000Z' })],
    context,
  );
  const south = quotaFigures(
    { ...teamQuota('south', { revenue: usd(2000) }), id: 'south:FY2026-Q1:rolled-up' },
    [...won('ana', JANUARY, 600), contribution('deal_won', 'ana', JANUARY, { recordedAt: Q1_2026.end })].map((c) => ({
      ...c,
      teamId: 'south',
    })),
    context,
  );
  const teams = [
    teamRollUpOf('west', { unavailable: 'mixed currencies' }),
    teamRollUpOf('south', { source: 'rolled_up', figures: south }),
    teamRollUpOf('north', { source: 'team_quota', figures: restatedNorth }),
  ];

  const summary = periodSummaryOf(period, NOW, repFigures, teams);

  it('describes the period and how much of it has gone by', () => {
    expect(summary.period).toEqual({ ...period, elapsedFraction: 0.5 });
    expect(summary.asOf).toBe(NOW);
  });

  it('adds up the rep quotas’ revenue per currency, to the minor unit', () => {
    expect(summary.revenue).toEqual([
      { currency: 'EUR', target: 1000, attained: 500, ratio: 0.5 },
      { currency: 'USD', target: 2000.1, attained: 800.05, ratio: 800.05 / 2000.1 },
    ]);
  });

  it('counts reps by pace and those with revenue waiting for a rate', () => {
    expect(summary.reps).toEqual({ withQuota: 4, ahead: 1, onPace: 1, behind: 2, withPendingConversions: 1 });
  });

  it('counts restated quotas, rep and team, but not rolled-up targets', () => {
    expect(summary.restatedQuotas).toBe(2);
  });

  it('lists the teams by id with their headline figures, or why they have none', () => {
    expect(summary.teams).toEqual([
      {
        teamId: 'north',
        targetsSource: 'team_quota',
        measure: 'dealsWon',
        currency: null,
        attainmentRatio: 0.5,
        pace: 'on_pace',
        restated: true,
      },
      {
        teamId: 'south',
        targetsSource: 'rolled_up',
        measure: 'revenue',
        currency: 'USD',
        attainmentRatio: 0.3,
        pace: 'behind',
        restated: true,
      },
      {
        teamId: 'west',
        targetsSource: null,
        measure: null,
        currency: null,
        attainmentRatio: null,
        pace: null,
        restated: false,
        unavailable: 'mixed currencies',
      },
    ]);
  });
});
