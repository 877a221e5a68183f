import { DomainError } from '@handoff/shared-errors';
import { sumMoney } from '../currency/money';
import { COUNT_TARGETS, type CountTarget, type Quota, type QuotaTargets } from '../attainment/quota.types';
import { roundCount } from '../attainment/target-attainment';
import type { Period } from '../periods/period';
import { shareOfPeriodInTeam, type TeamMembership } from './team-history';

/**
 * A team's targets for a period as the sum of its members' rep targets for that period, each weighted by the share
 * of the period the rep spent in the team: a rep who moves at half time brings half their target to each team.
 * Revenue targets must share one currency (targets are in one currency per quota); counts keep hundredths.
 */
export function rolledUpTeamTargets(
  teamId: string,
  period: Period,
  repQuotas: readonly Quota[],
  memberships: readonly TeamMembership[],
): QuotaTargets {
  const members = repQuotas
    .filter((quota) => quota.owner.kind === 'rep' && quota.period.id === period.id)
    .map((quota) => ({
      targets: quota.targets,
      share: shareOfPeriodInTeam(memberships, quota.owner.id, teamId, period),
    }))
    .filter(({ share }) => share > 0);
  const rolledUp: QuotaTargets = {};
  const revenues = members.flatMap(({ targets, share }) => (targets.revenue ? [{ ...targets.revenue, share }] : []));
  if (revenues.length > 0) {
    const currencies = [...new Set(revenues.map((revenue) => revenue.currency))].sort();
    if (currencies.length > 1) {
      throw new DomainError(
        'invalid',
        `Team ${teamId}'s members have revenue targets in ${currencies.join(', ')}; a team target needs one currency`,
      );
    }
    rolledUp.revenue = {
      amount: sumMoney(
        revenues.map((r) => r.amount * r.share),
        currencies[0],
      ),
      currency: currencies[0],
    };
  }
  for (const name of Object.keys(COUNT_TARGETS) as CountTarget[]) {
    const weighted = members.flatMap(({ targets, share }) =>
      targets[name] === undefined ? [] : [targets[name] * share],
    );
    if (weighted.length > 0) rolledUp[name] = roundCount(weighted.reduce((sum, value) => sum + value, 0));
  }
  return rolledUp;
}
