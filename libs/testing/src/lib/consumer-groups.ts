import { Kafka, logLevel, type Admin } from 'kafkajs';

/** Where each partition of each topic ends now (its high watermark), per topic; topics that do not exist are left out. */
export type TopicOffsets = Map<string, { partition: number; offset: string }[]>;

async function withAdmin<T>(
  brokers: string[],
  work: (admin: Admin) => Promise<T>,
  level: logLevel = logLevel.WARN,
): Promise<T> {
  const admin = new Kafka({ clientId: 'handoff-test-setup', brokers, logLevel: level }).admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

export function endOffsetsOf(brokers: string[], topics: readonly string[]): Promise<TopicOffsets> {
  return withAdmin(brokers, async (admin) => {
    const existing = new Set(await admin.listTopics());
    const ends: TopicOffsets = new Map();
    for (const topic of topics.filter((name) => existing.has(name))) {
      const offsets = await admin.fetchTopicOffsets(topic);
      ends.set(
        topic,
        offsets.map(({ partition, high }) => ({ partition, offset: high })),
      );
    }
    return ends;
  });
}

/** Commits `offsets` for a consumer group that has no members yet, so it starts exactly there. */
export function setGroupOffsets(brokers: string[], groupId: string, offsets: TopicOffsets): Promise<void> {
  return withAdmin(brokers, async (admin) => {
    for (const [topic, partitions] of offsets) await admin.setOffsets({ groupId, topic, partitions });
  });
}

/**
 * Starts a consumer group that does not exist yet at the end of `topics`. Apps start new groups from the
 * beginning; without this a fresh group would replay every record other runs and tests left on the shared
 * topics (and dead-letter the invalid ones) before reaching the run's own.
 */
export async function startGroupAtEnd(brokers: string[], groupId: string, topics: readonly string[]): Promise<void> {
  await setGroupOffsets(brokers, groupId, await endOffsetsOf(brokers, topics));
}

/** Deletes a consumer group once its app is gone (a group with members cannot be deleted). */
export function deleteGroup(brokers: string[], groupId: string): Promise<void> {
  return withAdmin(brokers, (admin) => admin.deleteGroups([groupId]).then(() => undefined));
}

/**
 * How many records of `topics` the group has not committed yet, over all partitions (a partition it never
 * committed counts from the partition's start).
 */
export function groupLag(brokers: string[], groupId: string, topics: readonly string[]): Promise<number> {
  return withAdmin(
    brokers,
    async (admin) => {
      const existing = new Set(await admin.listTopics());
      const present = topics.filter((topic) => existing.has(topic));
      const committed = await admin.fetchOffsets({ groupId, topics: present });
      let lag = 0;
      for (const { topic, partitions } of committed) {
        const ends = await admin.fetchTopicOffsets(topic);
        for (const end of ends) {
          const offset = Number(partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
          lag += Number(end.high) - (offset >= 0 ? offset : Number(end.low));
        }
      }
      return lag;
    },
    // Polled through broker outages, where a refused or misdirected request is the expected answer.
    logLevel.NOTHING,
  );
}

/** The group's state as the coordinator sees it (`Stable` once a rebalance is over) and its members' ids. */
export function groupMembership(brokers: string[], groupId: string): Promise<{ state: string; memberIds: string[] }> {
  return withAdmin(
    brokers,
    async (admin) => {
      const { groups } = await admin.describeGroups([groupId]);
      return { state: groups[0]?.state ?? 'Dead', memberIds: (groups[0]?.members ?? []).map((m) => m.memberId) };
    },
    logLevel.NOTHING,
  );
}

/** The names of every topic on the cluster. */
export function topicNames(brokers: string[]): Promise<string[]> {
  return withAdmin(brokers, (admin) => admin.listTopics());
}
