import { DomainError } from '@handoff/shared-errors';
import { isIsoDate } from '../time/instant';
import { pairOf, rateAppliesOn, type ExchangeRate } from './exchange-rates';
import { roundMoney } from './money';

export interface Money {
  amount: number;
  /** ISO 4217, e.g. `EUR`. */
  currency: string;
}

/** How the rate was found: none needed, the uploaded pair, or the reciprocal of the reverse pair. */
export type ConversionPath = 'same_currency' | 'direct' | 'inverse';

export type Conversion =
  | (Money & { status: 'converted'; rate: number; via: ConversionPath })
  | { status: 'pending'; original: Money; targetCurrency: string; reason: string };

/**
 * The amount in `targetCurrency` at the rate valid on `onDate` (`YYYY-MM-DD`, the deal's close date), rounded to
 * the target's minor unit. The uploaded pair is preferred; without it the reverse pair's reciprocal applies (the
 * same table, read the other way). With neither the conversion is pending, never guessed at 1:1.
 */
export function convert(
  rates: readonly ExchangeRate[],
  money: Money,
  targetCurrency: string,
  onDate: string,
): Conversion {
  if (!isIsoDate(onDate)) throw new DomainError('invalid', `onDate must be a date YYYY-MM-DD, got ${onDate}`);
  if (money.currency === targetCurrency) {
    return { status: 'converted', amount: money.amount, currency: targetCurrency, rate: 1, via: 'same_currency' };
  }
  const direct = rateOn(rates, money.currency, targetCurrency, onDate);
  const inverse = direct === undefined ? rateOn(rates, targetCurrency, money.currency, onDate) : undefined;
  const rate = direct?.rate ?? (inverse === undefined ? undefined : 1 / inverse.rate);
  if (rate === undefined) {
    const pair = pairOf({ from: money.currency, to: targetCurrency });
    const reverse = pairOf({ from: targetCurrency, to: money.currency });
    return {
      status: 'pending',
      original: money,
      targetCurrency,
      reason: `no ${pair} or ${reverse} rate valid on ${onDate}`,
    };
  }
  return {
    status: 'converted',
    amount: roundMoney(money.amount * rate, targetCurrency),
    currency: targetCurrency,
    rate,
    via: direct === undefined ? 'inverse' : 'direct',
  };
}

/** The pair's rate on that date; of overlapping rates (an invalid table) the one valid from the latest date. */
function rateOn(rates: readonly ExchangeRate[], from: string, to: string, date: string): ExchangeRate | undefined {
  return rates
    .filter((rate) => rate.from === from && rate.to === to && rateAppliesOn(rate, date))
    .reduce<
      ExchangeRate | undefined
    >((best, rate) => (best && best.validFrom >= rate.validFrom ? best : rate), undefined);
}
