import {
  type Attainment,
  type AttainmentContext,
  attainmentOf,
  landsAfterClose,
  type Quota,
  type QuotaOwner,
  type TeamMembership,
  teamOfRepAt,
} from '@handoff/domain-quota';
import type { StoredContribution } from '../books/quota-books.store';
import { groupBy } from './group-by';

export type FiguresContext = Omit<AttainmentContext, 'restated'>;

/**
 * The contributions with the team each rep was in when it happened. Decided at read time from the team history, so
 * a corrected history moves past outcomes too, and a rep who changed teams leaves earlier outcomes with the old one.
 */
export function withTeams(
  contributions: readonly StoredContribution[],
  memberships: readonly TeamMembership[],
): StoredContribution[] {
  const byRep = groupBy(memberships, (membership) => membership.repId);
  return contributions.map((contribution) => {
    const teamId = teamOfRepAt(byRep.get(contribution.repId) ?? [], contribution.repId, contribution.at);
    return teamId === undefined ? contribution : { ...contribution, teamId };
  });
}

/**
 * A quota's attainment from the contributions given (a team quota needs them `withTeams`): those withdrawn do not
 * count, but any of the owner's in the period recorded after it closed, withdrawn or not, marks it restated.
 */
export function quotaFigures(
  quota: Quota,
  contributions: readonly StoredContribution[],
  context: FiguresContext,
): Attainment {
  const own = contributions.filter((contribution) => ownedBy(contribution, quota.owner));
  const restated = own.some((contribution) => landsAfterClose(quota.period, contribution.at, contribution.recordedAt));
  const counted = own.filter((contribution) => !contribution.withdrawn);
  return attainmentOf(quota, counted, { ...context, restated });
}

const ownedBy = (contribution: StoredContribution, owner: QuotaOwner): boolean =>
  owner.kind === 'rep' ? contribution.repId === owner.id : contribution.teamId === owner.id;
