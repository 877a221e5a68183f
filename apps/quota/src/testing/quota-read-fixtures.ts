import type { Quota, QuotaTargets, TeamMembership } from '@handoff/domain-quota';
import type { StoredContribution } from '../books/quota-books.store';

/** FY2026-Q1 on a January calendar in UTC: closed, so its figures do not move with the clock. */
export const Q1_2026 = { id: 'FY2026-Q1', start: '2026-01-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z' };
/** Half time of Q1_2026's 90 days. */
export const Q1_MIDDLE = '2026-02-15T00:00:00.000Z';

export function repQuota(repId: string, targets: QuotaTargets, period = Q1_2026): Quota {
  return { id: `${repId}-${period.id}`, owner: { kind: 'rep', id: repId }, period, targets, curve: 'linear' };
}

export function teamQuota(teamId: string, targets: QuotaTargets, period = Q1_2026): Quota {
  return { id: `${teamId}-${period.id}`, owner: { kind: 'team', id: teamId }, period, targets, curve: 'linear' };
}

let sequence = 0;

/** A counted contribution recorded when it happened; override what the scenario is about. */
export function contribution(
  kind: StoredContribution['kind'],
  repId: string,
  at: string,
  more: Partial<StoredContribution> = {},
): StoredContribution {
  sequence += 1;
  return { id: `c${sequence}`, kind, repId, at, withdrawn: false, recordedAt: at, ...more };
}

export const won = (repId: string, at: string, amount: number, currency = 'USD'): StoredContribution[] => [
  contribution('deal_won', repId, at),
  contribution('revenue', repId, at, { amount, currency }),
];

export const membership = (repId: string, teamId: string, from: string, to?: string): TeamMembership => ({
  repId,
  teamId,
  from,
  ...(to ? { to } : {}),
});
