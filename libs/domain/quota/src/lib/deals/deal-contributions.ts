import type { Contribution } from '../attainment/contribution';
import { teamOfRepAt, type TeamMembership } from '../teams/team-history';
import type { DealState } from './deal-fact';

/**
 * What a deal counts for now: a won deal with a rep counts one deal won and, once an amount is known, its revenue,
 * both at its close date and for the rep's team at that date. Any other deal counts nothing, so re-deriving after
 * each fact turns a reopen into a withdrawal and a correction into a changed amount, never into an addition.
 */
export function contributionsOfDeal(deal: DealState, memberships: readonly TeamMembership[]): Contribution[] {
  if (deal.status !== 'won' || deal.repId === undefined) return [];
  const teamId = teamOfRepAt(memberships, deal.repId, deal.closedAt);
  const credited = { repId: deal.repId, at: deal.closedAt, ...(teamId === undefined ? {} : { teamId }) };
  const won: Contribution = { id: `${deal.dealId}:won`, kind: 'deal_won', ...credited };
  if (deal.amount === undefined || deal.currency === undefined) return [won];
  return [
    won,
    { id: `${deal.dealId}:revenue`, kind: 'revenue', ...credited, amount: deal.amount, currency: deal.currency },
  ];
}
