import { spawnSync } from 'node:child_process';
import { deleteKeysMatching } from '@handoff/testing';
import Redis from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';

/** Starts whatever of Kafka, PostgreSQL and Redis is down (idempotent), its output on stderr. */
export function ensureInfra(root: string): void {
  const up = spawnSync('bash', ['scripts/infra/up.sh'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (up.status !== 0) throw new Error(`scripts/infra/up.sh failed (exit ${up.status})`);
}

/** Deletes the bench source's de-duplication and rate-limit keys, which would otherwise live for days. */
export async function deleteSourceKeys(redisUrl: string, sourceId: string): Promise<number> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let deleted = 0;
    for (const pattern of [`ingest:dedupe:${sourceId}:*`, `ingest:ratelimit:*${sourceId}*`]) {
      deleted += await deleteKeysMatching(redis, pattern);
    }
    return deleted;
  } finally {
    redis.disconnect();
  }
}

/**
 * Commits the end of `topic` for a consumer group that does not exist yet. The app's inbound consumer
 * starts new groups from the beginning; without this the bench's fresh group would replay every record
 * other runs and tests left on the shared inbound topic (and dead-letter the invalid ones) while measuring.
 */
export async function startGroupAtEnd(brokers: string[], groupId: string, topic: string): Promise<void> {
  const admin = new Kafka({ clientId: 'bench-setup', brokers, logLevel: logLevel.WARN }).admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(topic)) return;
    const ends = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({
      groupId,
      topic,
      partitions: ends.map(({ partition, high }) => ({ partition, offset: high })),
    });
  } finally {
    await admin.disconnect();
  }
}

/** Deletes the bench's consumer group once its app is gone (a group with members cannot be deleted). */
export async function deleteGroup(brokers: string[], groupId: string): Promise<void> {
  const admin = new Kafka({ clientId: 'bench-setup', brokers, logLevel: logLevel.WARN }).admin();
  await admin.connect();
  try {
    await admin.deleteGroups([groupId]);
  } finally {
    await admin.disconnect();
  }
}

/** Where each partition of each topic ends now (its high watermark), per topic; topics that do not exist are left out. */
export type TopicOffsets = Map<string, { partition: number; offset: string }[]>;

export async function endOffsetsOf(brokers: string[], topics: readonly string[]): Promise<TopicOffsets> {
  const admin = new Kafka({ clientId: 'bench-setup', brokers, logLevel: logLevel.WARN }).admin();
  await admin.connect();
  try {
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
  } finally {
    await admin.disconnect();
  }
}

/** Commits `offsets` for a consumer group that has no members yet, so it starts exactly there. */
export async function setGroupOffsets(brokers: string[], groupId: string, offsets: TopicOffsets): Promise<void> {
  const admin = new Kafka({ clientId: 'bench-setup', brokers, logLevel: logLevel.WARN }).admin();
  await admin.connect();
  try {
    for (const [topic, partitions] of offsets) await admin.setOffsets({ groupId, topic, partitions });
  } finally {
    await admin.disconnect();
  }
}
