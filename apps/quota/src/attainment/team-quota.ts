import {
  type Period,
  type Quota,
  rolledUpTeamTargets,
  type TeamMembership,
  teamMembersDuring,
} from '@handoff/domain-quota';
import { DomainError } from '@handoff/shared-errors';

/** Where a team's targets come from: its own quota for the period, or its members' quotas rolled up. */
export const TARGETS_SOURCES = ['team_quota', 'rolled_up'] as const;
export type TargetsSource = (typeof TARGETS_SOURCES)[number];

export interface TeamQuota {
  quota: Quota;
  source: TargetsSource;
}

/**
 * The quota a team is measured against in the period: its own when the admin set one; otherwise its members'
 * targets weighted by their time in the team, on a linear curve. `quotas` are the period's quotas (rep and team).
 */
export function teamQuotaOf(
  teamId: string,
  period: Period,
  quotas: readonly Quota[],
  memberships: readonly TeamMembership[],
): TeamQuota {
  const own = quotas.find((quota) => quota.owner.kind === 'team' && quota.owner.id === teamId);
  if (own) return { quota: own, source: 'team_quota' };
  const targets = rolledUpTargets(teamId, period, quotas, memberships);
  if (Object.keys(targets).length === 0) {
    throw new DomainError(
      'not-found',
      `Team ${teamId} has no quota for ${period.id}, and none of its members in that period has one to roll up`,
    );
  }
  const quota: Quota = {
    id: `${teamId}:${period.id}:rolled-up`,
    owner: { kind: 'team', id: teamId },
    period,
    targets,
    curve: 'linear',
  };
  return { quota, source: 'rolled_up' };
}

/** The teams with figures in the period: those with their own quota and those a rep with a quota was in then. */
export function teamsOfPeriod(
  period: Period,
  quotas: readonly Quota[],
  memberships: readonly TeamMembership[],
): string[] {
  const repsWithQuota = new Set(quotas.filter((q) => q.owner.kind === 'rep').map((q) => q.owner.id));
  const teamsOfReps = [...new Set(memberships.map((m) => m.teamId))].filter((teamId) =>
    teamMembersDuring(memberships, teamId, period).some((repId) => repsWithQuota.has(repId)),
  );
  const teams = [
    ...quotas.filter((quota) => quota.owner.kind === 'team').map((quota) => quota.owner.id),
    ...teamsOfReps,
  ];
  return [...new Set(teams)].sort(compareIds);
}

/** Ids in code-unit order, as the books sort them (COLLATE "C"). */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function rolledUpTargets(
  teamId: string,
  period: Period,
  quotas: readonly Quota[],
  memberships: readonly TeamMembership[],
) {
  try {
    return rolledUpTeamTargets(teamId, period, quotas, memberships);
  } catch (error) {
    // Members' targets in several currencies cannot be added up: the admin has to set the team's own quota.
    if (!(error instanceof DomainError) || error.code !== 'invalid') throw error;
    throw new DomainError('conflict', `${error.message}; set a quota for the team in ${period.id}`, { cause: error });
  }
}
