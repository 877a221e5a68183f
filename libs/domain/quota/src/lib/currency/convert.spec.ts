import { convert } from './convert';
import type { ExchangeRate } from './exchange-rates';

const rates: ExchangeRate[] = [
  { from: 'USD', to: 'EUR', rate: 0.9, validFrom: '2027-01-01', validTo: '2027-03-31' },
  { from: 'USD', to: 'EUR', rate: 0.95, validFrom: '2027-04-01' },
  { from: 'EUR', to: 'JPY', rate: 161.237, validFrom: '2027-01-01', validTo: '2027-12-31' },
  { from: 'GBP', to: 'USD', rate: 1.25, validFrom: '2027-01-01' },
];
const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('convert', () => {
  it('converts a currency to itself 1:1 without a rate', () => {
    expect(convert([], { amount: 500, currency: 'EUR' }, 'EUR', '2027-02-10')).toEqual({
      status: 'converted',
      amount: 500,
      currency: 'EUR',
      rate: 1,
      via: 'same_currency',
    });
  });

  it('uses the rate valid on the close date, both validity dates included', () => {
    expect(convert(rates, usd(1000), 'EUR', '2027-03-31')).toEqual({
      status: 'converted',
      amount: 900,
      currency: 'EUR',
      rate: 0.9,
      via: 'direct',
    });
    expect(convert(rates, usd(1000), 'EUR', '2027-04-01')).toMatchObject({ amount: 950, rate: 0.95 });
    expect(convert(rates, usd(1000), 'EUR', '2030-01-01')).toMatchObject({ amount: 950 });
  });

  it("rounds to the target currency's minor unit", () => {
    // 1234.56 × 161.237 = 199 056.75072 yen; the yen has no minor unit.
    expect(convert(rates, { amount: 1234.56, currency: 'EUR' }, 'JPY', '2027-05-05')).toMatchObject({
      amount: 199_057,
    });
  });

  it('reads the reverse pair the other way when the pair itself was not uploaded', () => {
    expect(convert(rates, { amount: 1000, currency: 'USD' }, 'GBP', '2027-05-05')).toEqual({
      status: 'converted',
      amount: 800,
      currency: 'GBP',
      rate: 0.8,
      via: 'inverse',
    });
  });

  it('holds the amount as pending, with the reason, when no rate is valid on the close date', () => {
    expect(convert(rates, usd(1000), 'EUR', '2026-12-31')).toEqual({
      status: 'pending',
      original: usd(1000),
      targetCurrency: 'EUR',
      reason: 'no USD→EUR or EUR→USD rate valid on 2026-12-31',
    });
  });

  it('never chains rates through a third currency nor guesses 1:1', () => {
    // GBP→USD and USD→EUR exist, GBP→EUR does not.
    expect(convert(rates, { amount: 100, currency: 'GBP' }, 'EUR', '2027-05-05')).toMatchObject({
      status: 'pending',
      reason: 'no GBP→EUR or EUR→GBP rate valid on 2027-05-05',
    });
  });

  it('refuses a close date that is not YYYY-MM-DD', () => {
    expect(() => convert(rates, usd(1), 'EUR', '2027-03-31T23:30:00Z')).toThrow(/onDate must be a date YYYY-MM-DD/);
  });
});
