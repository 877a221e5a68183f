import fc from 'fast-check';
import { marketCompanies } from './firmographics';
import { currencyOf, salesResponseOf } from './sales-response';
import { SeededRandom } from './seeded-random';
import { drawLead, type SimulatedLead } from './simulated-lead';

const lead = drawLead(new SeededRandom(1), 'run', 0, marketCompanies());

function shares(seed: number, propensity: number, count = 400) {
  const random = new SeededRandom(seed);
  const person: SimulatedLead = { ...lead, propensity };
  const responses = Array.from({ length: count }, () => salesResponseOf(random, person, 1));
  const accepted = responses.filter((response) => response.kind === 'accepted');
  return {
    accepted: accepted.length / count,
    won: accepted.filter((response) => response.deal.outcome === 'won').length / count,
    ignored: responses.filter((response) => response.kind === 'ignored').length / count,
  };
}

describe('sales responses', () => {
  it('accept and win more of the leads likelier to buy', () => {
    fc.assert(
      fc.property(fc.integer(), fc.double({ min: 0, max: 0.5, noNaN: true }), (seed, low) => {
        const poor = shares(seed, low);
        const good = shares(seed, low + 0.5);
        return good.accepted > poor.accepted && good.won > poor.won;
      }),
      { numRuns: 30 },
    );
  });

  it('leave about one assignment in ten unanswered, whatever the lead', () => {
    expect(shares(3, 0.2, 5000).ignored).toBeCloseTo(0.1, 1);
    expect(shares(3, 0.9, 5000).ignored).toBeCloseTo(0.1, 1);
  });

  it('report deals in the buyer’s currency with positive amounts in hundreds', () => {
    const random = new SeededRandom(6);
    for (let i = 0; i < 500; i++) {
      const response = salesResponseOf(random, { ...lead, propensity: 1 }, 1);
      if (response.kind !== 'accepted') continue;
      expect(response.deal.currency).toBe(currencyOf(lead.company.country));
      expect(response.deal.amount % 100).toBe(0);
      expect(response.deal.amount).toBeGreaterThan(0);
      expect(response.dealAfterMs).toBeGreaterThan(response.afterMs);
    }
    expect([currencyOf('DE'), currencyOf('GB'), currencyOf('US'), currencyOf('JP')]).toEqual([
      'EUR',
      'GBP',
      'USD',
      'USD',
    ]);
  });
});
