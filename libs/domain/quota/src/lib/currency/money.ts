/**
 * Amounts are rounded to their currency's minor unit (2 for EUR, 0 for JPY, 3 for KWD, as ICU knows them) and summed
 * as whole minor units, so a total is exact and does not depend on the order of its parts.
 */
const minorDigitsCache = new Map<string, number>();
const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 code ICU knows, upper case (`EUR`). */
export const isKnownCurrency = (code: unknown): code is string => typeof code === 'string' && knownCurrencies.has(code);

export function minorDigitsOf(currency: string): number {
  let digits = minorDigitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    minorDigitsCache.set(currency, digits);
  }
  return digits;
}

/** The amount in whole minor units of the currency (cents for EUR). */
export const toMinorUnits = (amount: number, currency: string): number =>
  Math.round(amount * 10 ** minorDigitsOf(currency));

export const fromMinorUnits = (minor: number, currency: string): number => minor / 10 ** minorDigitsOf(currency);

export const roundMoney = (amount: number, currency: string): number =>
  fromMinorUnits(toMinorUnits(amount, currency), currency);

/** The exact sum, rounded to the currency's minor unit. */
export function sumMoney(amounts: readonly number[], currency: string): number {
  const minor = amounts.reduce((sum, amount) => sum + toMinorUnits(amount, currency), 0);
  return fromMinorUnits(minor, currency);
}
