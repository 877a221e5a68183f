import fc from 'fast-check';
import { withShuffled } from '../../testing/arbitraries';
import { Q1_2027, quota } from '../../testing/builders';
import type { ExchangeRate } from '../currency/exchange-rates';
import { attainmentOf } from './attainment-of';
import { CONTRIBUTION_KINDS, type Contribution } from './contribution';

const rates: ExchangeRate[] = [
  { from: 'USD', to: 'EUR', rate: 0.917, validFrom: '2027-01-01', validTo: '2027-02-14' },
  { from: 'USD', to: 'EUR', rate: 0.883, validFrom: '2027-02-15' },
  { from: 'EUR', to: 'GBP', rate: 0.851, validFrom: '2026-01-01' },
];
const everyTarget = quota({
  owner: { kind: 'team', id: 'emea' },
  targets: { revenue: { amount: 250_000, currency: 'EUR' }, dealsWon: 9, leadsAccepted: 31, meetingsHeld: 17 },
  curve: {
    points: [
      [0, 0],
      [0.4, 0.25],
      [1, 1],
    ],
  },
});
const moments = fc
  .integer({ min: Date.parse(Q1_2027.start) - 5 * 86_400_000, max: Date.parse(Q1_2027.end) + 5 * 86_400_000 })
  .map((millis) => new Date(millis).toISOString());
const contributionWith = (id: string) =>
  fc.record({
    id: fc.constant(id),
    // Mostly emea's revenue, so most contributions count towards the quota.
    kind: fc.oneof({ arbitrary: fc.constant('revenue' as const), weight: 3 }, fc.constantFrom(...CONTRIBUTION_KINDS)),
    repId: fc.constantFrom('ana', 'bo'),
    teamId: fc.constantFrom('emea', 'emea', 'dach'),
    at: moments,
    // Amounts with fractions of a cent, so a sum in arrival order would drift.
    amount: fc.integer({ min: 0, max: 500_000_000 }).map((n) => n / 10_000),
    currency: fc.constantFrom('EUR', 'USD', 'GBP', 'CHF'),
  });
const contributions = fc
  .uniqueArray(fc.stringMatching(/^c[0-9a-f]{1,4}$/), { maxLength: 60 })
  .chain((ids) => fc.tuple(...ids.map(contributionWith)));

describe('attainmentOf (properties)', () => {
  it('does not depend on the order of the contributions, converted and pending ones alike', () => {
    fc.assert(
      fc.property(withShuffled(contributions), moments, ([list, shuffled]: Contribution[][], now) => {
        const context = { rates, now, timeZone: 'Europe/Berlin' };
        expect(attainmentOf(everyTarget, shuffled, context)).toEqual(attainmentOf(everyTarget, list, context));
      }),
    );
  });

  it('counts each revenue contribution of the owner in the period once: converted, or pending and never dropped', () => {
    const closed = { rates, now: Q1_2027.end, timeZone: 'Europe/Berlin' };
    const attainedOf = (list: Contribution[]) => attainmentOf(everyTarget, list, closed).revenue;
    fc.assert(
      fc.property(contributions, (list) => {
        const inScope = list.filter(
          (c) => c.kind === 'revenue' && c.teamId === 'emea' && c.at >= Q1_2027.start && c.at < Q1_2027.end,
        );
        const eachAlone = list.map((c) => Math.round((attainedOf([c])?.attained ?? 0) * 100));
        const revenue = attainedOf(list);

        expect(revenue?.pendingConversion.map((p) => p.contributionId).sort()).toEqual(
          inScope
            .filter((c) => c.currency === 'CHF')
            .map((c) => c.id)
            .sort(),
        );
        expect(Math.round((revenue?.attained ?? 0) * 100)).toBe(eachAlone.reduce((sum, cents) => sum + cents, 0));
      }),
    );
  });
});
