import { randomUUID } from 'node:crypto';
import type { Admin, Consumer, KafkaMessage } from 'kafkajs';
import { replayRecordOf, toDeadLetter, type DeadLetter } from './dead-letter-selection';
import type { EventProducer } from './event-producer';
import { toRecordHeaders, type FetchedMessage } from './kafka-record';

export interface DeadLetterReaderOptions {
  /** Reading stops with an error if the topic is not read up to its end within this time. */
  timeoutMs?: number;
}

const DEFAULT_READ_TIMEOUT_MS = 30_000;

/**
 * Reads a dead-letter topic from its start to its current end with a throw-away consumer group (deleted
 * afterwards), so no service's group offsets move; replays chosen records with the given producer.
 */
export class DeadLetterReader {
  constructor(
    private readonly createConsumer: (groupId: string) => Consumer,
    private readonly createAdmin: () => Admin,
    private readonly producer: EventProducer,
    private readonly options: DeadLetterReaderOptions = {},
  ) {}

  async read(dlqTopic: string): Promise<DeadLetter[]> {
    const admin = this.createAdmin();
    await admin.connect();
    const groupId = `dlq-reader-${randomUUID()}`;
    try {
      const ends = await endOffsetsOf(admin, dlqTopic);
      const records = ends.size === 0 ? [] : await this.readUpTo(groupId, dlqTopic, ends);
      return records.sort(byPosition).map(toDeadLetter);
    } finally {
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect();
    }
  }

  /** How many records each dead-letter topic holds now (end minus start offsets), with one admin connection. */
  async count(dlqTopics: readonly string[]): Promise<Map<string, number>> {
    const admin = this.createAdmin();
    await admin.connect();
    try {
      const counts = new Map<string, number>();
      for (const topic of dlqTopics) {
        const offsets = await admin.fetchTopicOffsets(topic);
        counts.set(
          topic,
          offsets.reduce((sum, { low, high }) => sum + Number(BigInt(high) - BigInt(low)), 0),
        );
      }
      return counts;
    } finally {
      await admin.disconnect();
    }
  }

  /** Re-publishes each dead letter to its original topic, in dead-letter order; returns what was sent. */
  async replay(letters: readonly DeadLetter[]): Promise<number> {
    const records = letters.map(replayRecordOf);
    await this.producer.publishRaw(records);
    return records.length;
  }

  private async readUpTo(groupId: string, topic: string, ends: Map<number, bigint>): Promise<FetchedMessage[]> {
    const consumer = this.createConsumer(groupId);
    const records: FetchedMessage[] = [];
    const pending = new Set(ends.keys());
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      const done = new Promise<void>((resolve) => {
        void consumer.run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const end = ends.get(batch.partition) ?? 0n;
            for (const message of batch.messages) {
              if (BigInt(message.offset) < end) records.push(fetchedOf(topic, batch.partition, message));
            }
            // lastOffset() also covers a batch that ends in offsets without a record (control records).
            if (BigInt(batch.lastOffset()) >= end - 1n) pending.delete(batch.partition);
            if (pending.size === 0) resolve();
          },
        });
      });
      await withTimeout(done, this.options.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS, `reading ${topic} to its end`);
      return records;
    } finally {
      await consumer.disconnect();
    }
  }
}

/** The offset after the last record of each non-empty partition. */
async function endOffsetsOf(admin: Admin, topic: string): Promise<Map<number, bigint>> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return new Map(
    offsets
      .filter(({ low, high }) => BigInt(high) > BigInt(low))
      .map(({ partition, high }) => [partition, BigInt(high)] as const),
  );
}

function fetchedOf(topic: string, partition: number, message: KafkaMessage): FetchedMessage {
  const { offset, key, value, headers } = message;
  return { topic, partition, offset, key: key ?? null, value, headers: toRecordHeaders(headers) };
}

function byPosition(a: FetchedMessage, b: FetchedMessage): number {
  return a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset));
}

async function withTimeout(work: Promise<void>, timeoutMs: number, what: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms ${what}`)), timeoutMs);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
