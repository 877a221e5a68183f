import { groupLag } from '../consumer-groups';
import { waitFor } from '../wait-for';

/** A consumer group to watch, and the topics it consumes. */
export interface WatchedGroup {
  groupId: string;
  topics: readonly string[];
}

/**
 * Time from a fault's end until every watched group has committed everything on its topics (lag zero). A poll
 * that fails (the broker still unreachable) counts as not recovered.
 */
export async function timeToZeroLag(
  brokers: string[],
  groups: readonly WatchedGroup[],
  faultEndedAt: number,
  timeoutMs = 180_000,
): Promise<number> {
  const totalLag = async () => {
    const lags = await Promise.all(groups.map((group) => groupLag(brokers, group.groupId, group.topics)));
    return lags.reduce((sum, lag) => sum + lag, 0);
  };
  await waitFor(
    'consumer lag back to zero',
    () =>
      totalLag().then(
        (lag) => lag === 0,
        () => false,
      ),
    {
      timeoutMs,
      intervalMs: 250,
    },
  );
  return Date.now() - faultEndedAt;
}
