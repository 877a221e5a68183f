import fc from 'fast-check';
import { withShuffled } from '../../testing/arbitraries';
import { isKnownCurrency, minorDigitsOf, roundMoney, sumMoney } from './money';

describe('money', () => {
  it("rounds to the currency's minor unit", () => {
    expect(minorDigitsOf('EUR')).toBe(2);
    expect(roundMoney(1234.5678, 'EUR')).toBe(1234.57);
    expect(roundMoney(1234.5678, 'JPY')).toBe(1235);
    expect(roundMoney(1234.5678, 'KWD')).toBe(1234.568);
  });

  it('sums exactly where floating point does not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumMoney([0.1, 0.2], 'EUR')).toBe(0.3);
  });

  it('sums to the same total in any order', () => {
    // Ten-thousandths up to a million: float sums of such amounts depend on their order.
    const amounts = fc.array(
      fc.integer({ min: 0, max: 10_000_000_000 }).map((n) => n / 10_000),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(withShuffled(amounts), ([list, shuffled]) => {
        expect(sumMoney(shuffled, 'EUR')).toBe(sumMoney(list, 'EUR'));
      }),
    );
  });

  it('knows ISO 4217 codes, upper case only', () => {
    expect(isKnownCurrency('CHF')).toBe(true);
    expect(isKnownCurrency('chf')).toBe(false);
    expect(isKnownCurrency('EURO')).toBe(false);
    expect(isKnownCurrency(undefined)).toBe(false);
  });
});
