import { Q1_2027, dayOfQ1, fact, quota } from '../../testing/builders';
import { contributionsOfDeal } from '../deals/deal-contributions';
import type { DealFact } from '../deals/deal-fact';
import { dealStateOf } from '../deals/deal-state';
import type { TeamMembership } from '../teams/team-history';
import { rolledUpTeamTargets } from '../teams/team-targets';
import { attainmentOf } from './attainment-of';
import type { Contribution } from './contribution';

/** Deal facts all the way to attainment, as the service will run them: fold each deal, attribute, measure. */
const anaMovesToDachAtHalfTime: TeamMembership[] = [
  { repId: 'ana', teamId: 'emea', from: '2026-01-01T00:00:00Z', to: dayOfQ1(45) },
  { repId: 'ana', teamId: 'dach', from: dayOfQ1(45) },
  { repId: 'bo', teamId: 'emea', from: '2026-01-01T00:00:00Z' },
];
const context = { rates: [], now: dayOfQ1(60), timeZone: 'UTC' };

function contributionsOf(facts: DealFact[], memberships = anaMovesToDachAtHalfTime): Contribution[] {
  const dealIds = [...new Set(facts.map((f) => f.dealId))];
  return dealIds.flatMap((dealId) =>
    contributionsOfDeal(dealStateOf(facts.filter((f) => f.dealId === dealId)), memberships),
  );
}

const won = (eventId: string, dealId: string, day: number, repId: string, amount: number) =>
  fact(eventId, 'won', dayOfQ1(day), { dealId, repId, amount, currency: 'EUR' });

describe('attainment from deal facts', () => {
  it('rolls up team attainment by the team the rep was in at each close, across a mid-period move', () => {
    const facts = [
      won('e1', 'd1', 20, 'ana', 10_000),
      won('e2', 'd2', 50, 'ana', 20_000),
      won('e3', 'd3', 55, 'bo', 5000),
    ];
    const contributions = contributionsOf(facts);
    const teamQuota = (teamId: string) => quota({ id: `q-${teamId}`, owner: { kind: 'team', id: teamId } });

    expect(attainmentOf(teamQuota('emea'), contributions, context).revenue?.attained).toBe(15_000);
    expect(attainmentOf(teamQuota('dach'), contributions, context).revenue?.attained).toBe(20_000);
    expect(attainmentOf(quota(), contributions, context).revenue?.attained).toBe(30_000);
  });

  it('measures the rolled-up team target against the rolled-up attainment', () => {
    const repQuotas = ['ana', 'bo'].map((repId) => quota({ id: `q-${repId}`, owner: { kind: 'rep', id: repId } }));
    const targets = rolledUpTeamTargets('emea', Q1_2027, repQuotas, anaMovesToDachAtHalfTime);
    const emea = quota({ id: 'q-emea', owner: { kind: 'team', id: 'emea' }, targets });
    const contributions = contributionsOf([won('e1', 'd1', 20, 'ana', 10_000), won('e3', 'd3', 55, 'bo', 5000)]);

    expect(attainmentOf(emea, contributions, context).revenue).toMatchObject({ target: 135_000, attained: 15_000 });
  });

  it('adjusts attainment by a corrected amount instead of adding it, in either arrival order', () => {
    const correction = fact('e2', 'amount_corrected', dayOfQ1(22), { dealId: 'd1', amount: 12_000, currency: 'EUR' });
    const wonD1 = won('e1', 'd1', 20, 'ana', 10_000);

    expect(attainmentOf(quota(), contributionsOf([wonD1, correction]), context).revenue?.attained).toBe(12_000);
    expect(attainmentOf(quota(), contributionsOf([correction, wonD1]), context).revenue?.attained).toBe(12_000);
  });

  it('withdraws a reopened deal and counts it again, once, in the period of its new close', () => {
    const facts = [
      won('e1', 'd1', 20, 'ana', 10_000),
      fact('e2', 'reopened', dayOfQ1(25), { dealId: 'd1' }),
      won('e3', 'd1', 95, 'ana', 10_000), // 6 April: the next quarter
    ];
    const nextQuarter = quota({ period: { id: 'FY2027-Q2', start: Q1_2027.end, end: '2027-07-01T00:00:00.000Z' } });

    expect(attainmentOf(quota(), contributionsOf(facts.slice(0, 2)), context).revenue?.attained).toBe(0);
    expect(attainmentOf(quota(), contributionsOf(facts), context).revenue?.attained).toBe(0);
    expect(attainmentOf(nextQuarter, contributionsOf(facts), context).revenue?.attained).toBe(10_000);
  });

  it('counts a redelivered won fact once', () => {
    const wonD1 = won('e1', 'd1', 20, 'ana', 10_000);
    const figures = attainmentOf(
      quota({ targets: { revenue: { amount: 90_000, currency: 'EUR' }, dealsWon: 4 } }),
      contributionsOf([wonD1, { ...wonD1 }, { ...wonD1 }]),
      context,
    );

    expect(figures.revenue?.attained).toBe(10_000);
    expect(figures.dealsWon?.attained).toBe(1);
  });
});
