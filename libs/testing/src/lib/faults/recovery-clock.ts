import { groupLag, groupMembership } from '../consumer-groups';
import { waitFor } from '../wait-for';

/** A consumer group to watch, the topics it consumes and how many members it has when whole. */
export interface WatchedGroup {
  groupId: string;
  topics: readonly string[];
  members: number;
  /**
   * Its members before a replica was killed: whole again means one of them is gone too (the broker expired the
   * dead member), not just the right count (the dead member still counted, its replacement not yet joined).
   */
  membersBefore?: readonly string[];
}

/**
 * Time from a fault's end until every watched group is whole again (rebalanced, `Stable`, with all its members:
 * a restarted replica rejoined) and has committed everything on its topics (lag zero). Lag alone could read zero
 * while a killed replica's partitions still wait for its session to expire. A poll that fails (the broker still
 * unreachable) counts as not recovered.
 */
export async function timeToZeroLag(
  brokers: string[],
  groups: readonly WatchedGroup[],
  faultEndedAt: number,
  timeoutMs = 180_000,
): Promise<number> {
  await waitFor(
    'every group whole with its consumer lag back to zero',
    () => everyGroupCaughtUp(brokers, groups).catch(() => false),
    {
      timeoutMs,
      intervalMs: 250,
    },
  );
  return Date.now() - faultEndedAt;
}

async function everyGroupCaughtUp(brokers: string[], groups: readonly WatchedGroup[]): Promise<boolean> {
  const memberships = await Promise.all(groups.map((group) => groupMembership(brokers, group.groupId)));
  if (!memberships.every((membership, i) => isWhole(groups[i], membership))) return false;
  const lags = await Promise.all(groups.map((group) => groupLag(brokers, group.groupId, group.topics)));
  return lags.every((lag) => lag === 0);
}

function isWhole(group: WatchedGroup, membership: { state: string; memberIds: string[] }): boolean {
  const { state, memberIds } = membership;
  if (state !== 'Stable' || memberIds.length !== group.members) return false;
  return !group.membersBefore || group.membersBefore.some((id) => !memberIds.includes(id));
}
