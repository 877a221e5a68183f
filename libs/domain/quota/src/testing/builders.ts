import type { Contribution, ContributionKind } from '../lib/attainment/contribution';
import type { Quota } from '../lib/attainment/quota.types';
import type { DealFact, DealFactKind } from '../lib/deals/deal-fact';
import type { Period } from '../lib/periods/period';

/** FY2027-Q1 of a calendar-year fiscal calendar in UTC: 90 days. */
export const Q1_2027: Period = { id: 'FY2027-Q1', start: '2027-01-01T00:00:00.000Z', end: '2027-04-01T00:00:00.000Z' };

/** The instant `days` days into Q1_2027 (45 is half time). */
export const dayOfQ1 = (days: number): string => new Date(Date.parse(Q1_2027.start) + days * 86_400_000).toISOString();

export function quota(overrides: Partial<Quota> = {}): Quota {
  return {
    id: 'q-ana-fy2027-q1',
    owner: { kind: 'rep', id: 'ana' },
    period: Q1_2027,
    targets: { revenue: { amount: 90_000, currency: 'EUR' } },
    curve: 'linear',
    ...overrides,
  };
}

export function fact(
  eventId: string,
  kind: DealFactKind,
  occurredAt: string,
  details: Partial<DealFact> = {},
): DealFact {
  return { eventId, dealId: 'deal-1', kind, occurredAt, ...details };
}

export function contribution(
  id: string,
  kind: ContributionKind,
  at: string,
  details: Partial<Contribution> = {},
): Contribution {
  return { id, kind, repId: 'ana', at, ...details };
}

export function revenue(id: string, at: string, amount: number, currency = 'EUR', details: Partial<Contribution> = {}) {
  return contribution(id, 'revenue', at, { amount, currency, ...details });
}
