import { Kafka, logLevel } from 'kafkajs';
import type { TopicOffsets } from '@handoff/testing';
import { ownCpuSeconds } from './process-cpu';

export interface ConsumeResult {
  events: number;
  /** From joining the group (the bare loop's "ready") to the last of the range consumed. */
  seconds: number;
  cpuSeconds: number;
}

/**
 * The floor scoring and quota are measured against: a bare kafkajs consumer in a fresh group, positioned at
 * `from`, reading up to `until` on the same topics with eachBatch, doing nothing but JSON.parse of each value.
 * Offsets are resolved in bulk (as the apps commit once per chunk) and committed when the loop stops.
 */
export async function consumeBaseline(
  brokers: string[],
  groupId: string,
  topics: readonly string[],
  from: TopicOffsets,
  until: TopicOffsets,
  partitionsConcurrently: number,
  timeoutMs: number,
): Promise<ConsumeResult> {
  const kafka = new Kafka({ clientId: 'bench-baseline-consumer', brokers, logLevel: logLevel.WARN });
  const admin = kafka.admin();
  await admin.connect();
  for (const topic of topics) await admin.setOffsets({ groupId, topic, partitions: from.get(topic) ?? [] });
  await admin.disconnect();

  const remaining = offsetsByPartition(until, topics);
  const startOf = offsetsByPartition(from, topics);
  for (const [partition, end] of remaining) if (end <= (startOf.get(partition) ?? 0n)) remaining.delete(partition);

  const consumer = kafka.consumer({ groupId });
  let joinedAt = Date.now();
  let cpuAtJoin = ownCpuSeconds();
  consumer.on(consumer.events.GROUP_JOIN, () => {
    joinedAt = Date.now();
    cpuAtJoin = ownCpuSeconds();
  });
  let events = 0;
  let finish: (at: number) => void = () => undefined;
  const done = new Promise<number>((resolve) => (finish = resolve));
  await consumer.connect();
  await consumer.subscribe({ topics: [...topics], fromBeginning: false });
  await consumer.run({
    autoCommit: true,
    partitionsConsumedConcurrently: partitionsConcurrently,
    eachBatch: async ({ batch, resolveOffset }) => {
      const partition = `${batch.topic}:${batch.partition}`;
      const end = remaining.get(partition);
      if (end === undefined) return;
      for (const message of batch.messages) {
        if (BigInt(message.offset) >= end) break;
        if (message.value) JSON.parse(message.value.toString('utf8'));
        events++;
      }
      resolveOffset(batch.lastOffset());
      if (BigInt(batch.lastOffset()) + 1n >= end) remaining.delete(partition);
      if (remaining.size === 0) finish(Date.now());
    },
  });
  try {
    const finishedAt = await Promise.race([
      done,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`baseline consumer not done within ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ]);
    return { events, seconds: (finishedAt - joinedAt) / 1000, cpuSeconds: ownCpuSeconds() - cpuAtJoin };
  } finally {
    await consumer.disconnect();
  }
}

/** Offsets keyed by `topic:partition`, the form eachBatch reports a batch's place in. */
function offsetsByPartition(offsets: TopicOffsets, topics: readonly string[]): Map<string, bigint> {
  return new Map(
    topics.flatMap((topic) =>
      (offsets.get(topic) ?? []).map(({ partition, offset }) => [`${topic}:${partition}`, BigInt(offset)] as const),
    ),
  );
}
