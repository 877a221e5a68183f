import { performance } from 'node:perf_hooks';
import { startGroupAtEnd, waitFor } from '@handoff/testing';
import { type Consumer, Kafka, logLevel } from 'kafkajs';

/** One record read, with when its fetch came back (performance.now(), the clock publishes are timed on). */
export interface Arrival {
  topic: string;
  value: unknown;
  receivedAt: number;
}

const JOIN_TIMEOUT_MS = 30_000;

/**
 * Reads output topics from their current end in a throw-away group and hands every record over once, timed
 * at receipt: the moment a downstream consumer could act on it. All partitions are read at once, so one busy
 * partition does not delay the others' records.
 */
export class ArrivalReader {
  /** Records already handed over, by topic:partition:offset: a rebalance may fetch them again. */
  private readonly seen = new Set<string>();

  private constructor(private readonly consumer: Consumer) {}

  static async start(
    brokers: string[],
    groupId: string,
    topics: readonly string[],
    onArrival: (arrival: Arrival) => void,
  ): Promise<ArrivalReader> {
    await startGroupAtEnd(brokers, groupId, topics);
    const kafka = new Kafka({ clientId: 'bench-arrival-reader', brokers, logLevel: logLevel.WARN });
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
    const reader = new ArrivalReader(consumer);
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics], fromBeginning: false });
    await consumer.run({
      partitionsConsumedConcurrently: 64,
      eachBatch: async ({ batch }) => {
        const receivedAt = performance.now();
        for (const message of batch.messages) {
          const position = `${batch.topic}:${batch.partition}:${message.offset}`;
          if (reader.seen.has(position) || !message.value) continue;
          reader.seen.add(position);
          onArrival({ topic: batch.topic, value: JSON.parse(message.value.toString('utf8')), receivedAt });
        }
      },
    });
    await waitFor(`the arrival reader to join ${groupId}`, () => joined, { timeoutMs: JOIN_TIMEOUT_MS });
    return reader;
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
