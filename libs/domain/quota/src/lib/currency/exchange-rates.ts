import { DateTime } from 'luxon';
import { isIsoDate } from '../time/instant';
import { IssueList, describeValue } from '../validation/issue-list';
import { overlapsWithinGroups } from '../validation/overlaps';
import { isKnownCurrency } from './money';

/**
 * One uploaded rate: 1 `from` = `rate` `to`, for deals closed from `validFrom` through `validTo` (both inclusive
 * calendar dates, `YYYY-MM-DD`; no `validTo` = until further notice).
 */
export interface ExchangeRate {
  from: string;
  to: string;
  rate: number;
  validFrom: string;
  validTo?: string;
}

/** Every problem of a rate table, as `rates[i].field: reason`; empty when valid. */
export function validateExchangeRates(rates: readonly ExchangeRate[]): readonly string[] {
  const issues = new IssueList();
  rates.forEach((rate, index) => checkRate(rate, `rates[${index}]`, issues));
  const spans = rates.flatMap((rate, index) =>
    hasValidDates(rate)
      ? [{ index, group: pairOf(rate), start: dayOf(rate.validFrom), end: dayAfter(rate.validTo) }]
      : [],
  );
  for (const { span, overlapped } of overlapsWithinGroups(spans)) {
    const earlier = rates[overlapped.index];
    issues.add(
      `rates[${span.index}].validFrom`,
      `${span.group} is already given for ${rates[span.index].validFrom} by rates[${overlapped.index}] ` +
        `(${earlier.validFrom} to ${earlier.validTo ?? 'open'}); one rate per pair and day`,
    );
  }
  return issues.all;
}

/** `EUR→USD`, as rates and pending reasons name a pair. */
export const pairOf = (rate: Pick<ExchangeRate, 'from' | 'to'>): string => `${rate.from}→${rate.to}`;

/** Whether the rate applies to a deal closed on `date` (`YYYY-MM-DD`). ISO dates compare as text. */
export const rateAppliesOn = (rate: ExchangeRate, date: string): boolean =>
  rate.validFrom <= date && (rate.validTo === undefined || date <= rate.validTo);

function checkRate(rate: ExchangeRate, path: string, issues: IssueList): void {
  for (const field of ['from', 'to'] as const) {
    if (!isKnownCurrency(rate[field])) {
      issues.add(
        `${path}.${field}`,
        `must be an ISO 4217 currency code such as EUR, got ${describeValue(rate[field])}`,
      );
    }
  }
  if (rate.from === rate.to)
    issues.add(`${path}.to`, `must differ from from (${rate.from}); a currency converts 1:1 to itself`);
  if (typeof rate.rate !== 'number' || !Number.isFinite(rate.rate) || rate.rate <= 0) {
    issues.add(`${path}.rate`, `must be a positive number, got ${describeValue(rate.rate)}`);
  }
  if (!isIsoDate(rate.validFrom))
    issues.add(`${path}.validFrom`, `must be a date YYYY-MM-DD, got ${describeValue(rate.validFrom)}`);
  if (rate.validTo !== undefined && !isIsoDate(rate.validTo)) {
    issues.add(`${path}.validTo`, `must be a date YYYY-MM-DD, got ${describeValue(rate.validTo)}`);
  } else if (hasValidDates(rate) && rate.validTo !== undefined && rate.validTo < rate.validFrom) {
    issues.add(`${path}.validTo`, `must not be before validFrom (${rate.validFrom}), got ${rate.validTo}`);
  }
}

const hasValidDates = (rate: ExchangeRate): boolean =>
  isIsoDate(rate.validFrom) && (rate.validTo === undefined || isIsoDate(rate.validTo));
const dayOf = (date: string): number => DateTime.fromISO(date, { zone: 'utc' }).toMillis();
const dayAfter = (date: string | undefined): number =>
  date === undefined ? Number.POSITIVE_INFINITY : DateTime.fromISO(date, { zone: 'utc' }).plus({ days: 1 }).toMillis();
