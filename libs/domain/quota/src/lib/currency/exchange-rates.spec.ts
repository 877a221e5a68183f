import { validateExchangeRates, type ExchangeRate } from './exchange-rates';

const eurUsdQ1: ExchangeRate = { from: 'EUR', to: 'USD', rate: 1.08, validFrom: '2027-01-01', validTo: '2027-03-31' };

describe('validateExchangeRates', () => {
  it('accepts consecutive rates of a pair and both directions of a pair', () => {
    expect(
      validateExchangeRates([
        eurUsdQ1,
        { from: 'EUR', to: 'USD', rate: 1.1, validFrom: '2027-04-01' },
        { from: 'USD', to: 'EUR', rate: 0.93, validFrom: '2027-01-01' },
      ]),
    ).toEqual([]);
  });

  it('names every bad field', () => {
    expect(
      validateExchangeRates([
        { from: 'EURO', to: 'usd', rate: 0, validFrom: '2027-02-30' },
        { from: 'GBP', to: 'GBP', rate: Number.NaN, validFrom: '2027-01-01', validTo: '31/03/2027' },
        { from: 'GBP', to: 'EUR', rate: 1.17, validFrom: '2027-04-01', validTo: '2027-03-31' },
      ]),
    ).toEqual([
      'rates[0].from: must be an ISO 4217 currency code such as EUR, got "EURO"',
      'rates[0].to: must be an ISO 4217 currency code such as EUR, got "usd"',
      'rates[0].rate: must be a positive number, got 0',
      'rates[0].validFrom: must be a date YYYY-MM-DD, got "2027-02-30"',
      'rates[1].to: must differ from from (GBP); a currency converts 1:1 to itself',
      'rates[1].rate: must be a positive number, got NaN',
      'rates[1].validTo: must be a date YYYY-MM-DD, got "31/03/2027"',
      'rates[2].validTo: must not be before validFrom (2027-04-01), got 2027-03-31',
    ]);
  });

  it('reports two rates of the same pair valid on the same day, validity dates being inclusive', () => {
    expect(
      validateExchangeRates([
        { from: 'EUR', to: 'USD', rate: 1.1, validFrom: '2027-03-31' },
        eurUsdQ1,
        { from: 'EUR', to: 'USD', rate: 1.09, validFrom: '2027-02-01', validTo: '2027-02-28' },
      ]),
    ).toEqual([
      'rates[2].validFrom: EUR→USD is already given for 2027-02-01 by rates[1] (2027-01-01 to 2027-03-31); one rate per pair and day',
      'rates[0].validFrom: EUR→USD is already given for 2027-03-31 by rates[1] (2027-01-01 to 2027-03-31); one rate per pair and day',
    ]);
  });
});
