import {
  type FiscalCalendar,
  type FiscalPeriod,
  type FiscalPeriodKind,
  fiscalPeriodById,
  fiscalPeriodOf,
} from '@handoff/domain-quota';
import { DomainError } from '@handoff/shared-errors';
import type { StoredPeriod } from '../books/quota-books.store';

export interface PeriodRequest {
  /** The id the client named (in `field`); absent for the default. */
  id?: string;
  field: string;
  /** The period some quota stores under that id, if any: custom periods are known only this way. */
  stored?: StoredPeriod;
  calendar: FiscalCalendar;
  /** The fiscal period kind shown by default (QUOTA_CAPACITY_PERIOD), the one holding `now`. */
  defaultKind: FiscalPeriodKind;
  now: string;
}

const PERIOD_ID_HINT =
  'is neither a fiscal period id (FY2027, FY2027-Q1, FY2027-M03) nor the id of a period some quota is set for';

/** The period a read is about: one some quota uses, else the fiscal period the id names, else today's default. */
export function requestedPeriod(request: PeriodRequest): StoredPeriod {
  const { id, field, stored, calendar } = request;
  if (id === undefined) return storedFormOf(fiscalPeriodOf(calendar, request.defaultKind, request.now));
  if (stored) return stored;
  try {
    return storedFormOf(fiscalPeriodById(calendar, id));
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'invalid') throw error;
    throw new DomainError('invalid', `${field} names no period`, {
      details: [{ field, reasons: [`${PERIOD_ID_HINT}: ${JSON.stringify(id.slice(0, 40))}`] }],
    });
  }
}

const storedFormOf = ({ id, kind, start, end }: FiscalPeriod): StoredPeriod => ({ id, kind, start, end });
