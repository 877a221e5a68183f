import { groupLag, groupMembership, type ServiceProcess, type WatchedGroup } from '@handoff/testing';

const TAIL_LINES = 8;

/** What a fault left stuck: each group's state, members and lag, and the services' latest warnings and errors. */
export async function describeStall(
  brokers: string[],
  groups: readonly WatchedGroup[],
  processes: readonly ServiceProcess[],
): Promise<string> {
  const lines = ['  stalled:'];
  for (const group of groups) {
    const membership = await groupMembership(brokers, group.groupId).catch((error: unknown) => ({
      state: `unreadable (${String(error)})`,
      memberIds: [] as string[],
    }));
    const lag = await groupLag(brokers, group.groupId, group.topics).catch(() => Number.NaN);
    lines.push(
      `    ${group.groupId}: ${membership.state}, ${membership.memberIds.length} of ${group.members} members, lag ${lag}`,
    );
  }
  for (const process of processes) {
    const troubles = process.logLines.filter((line) => /"level":"(warn|error|fatal)"/.test(line)).slice(-TAIL_LINES);
    lines.push(
      `    ${process.baseUrl} (${process.running ? 'running' : 'exited'}):`,
      ...troubles.map((l) => `      ${l}`),
    );
  }
  return lines.join('\n');
}
