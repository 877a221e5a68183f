import { randomUUID } from 'node:crypto';
import { CONSUMER_DEFAULTS } from '@handoff/platform-kafka';
import { waitFor } from '@handoff/testing';
import {
  type Admin,
  type Consumer,
  type EachBatchPayload,
  Kafka,
  logLevel,
  Partitioners,
  type Producer,
} from 'kafkajs';

const ALL_IN_SYNC_REPLICAS = -1;
const JOIN_TIMEOUT_MS = 30_000;

export interface BaselineTopics {
  /** Where the bench publishes the copies of the qualified leads. */
  input: string;
  /** Where the loop writes one record per input. */
  output: string;
  partitions: number;
}

export interface BaselineSettings {
  groupId: string;
  chunkSize: number;
  partitionsConcurrently: number;
}

/**
 * The floor routing is measured against: a bare kafkajs consume→produce loop, no database. It reads the
 * copies in chunks as routing's consumer does (same chunk size, partitions in parallel, fetch wait), parses
 * each record, produces one output per input (the input with the qualification id, keyed by lead) through
 * an idempotent producer configured like the services' (acks from all in-sync replicas, one request in
 * flight), and commits each chunk after its send was acknowledged.
 */
export class ConsumeProduceBaseline {
  private constructor(
    private readonly admin: Admin,
    private readonly consumer: Consumer,
    private readonly producer: Producer,
    readonly topics: BaselineTopics,
  ) {}

  static async start(
    brokers: string[],
    topics: BaselineTopics,
    settings: BaselineSettings,
  ): Promise<ConsumeProduceBaseline> {
    const kafka = new Kafka({ clientId: 'bench-consume-produce', brokers, logLevel: logLevel.WARN });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [topics.input, topics.output].map((topic) => ({
        topic,
        numPartitions: topics.partitions,
        replicationFactor: 1,
      })),
    });
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    const consumer = kafka.consumer({
      groupId: settings.groupId,
      sessionTimeout: CONSUMER_DEFAULTS.sessionTimeoutMs,
      heartbeatInterval: CONSUMER_DEFAULTS.heartbeatIntervalMs,
      maxWaitTimeInMs: CONSUMER_DEFAULTS.maxWaitTimeMs,
    });
    const baseline = new ConsumeProduceBaseline(admin, consumer, producer, topics);
    await baseline.run(settings);
    return baseline;
  }

  /** Leaves the group, disconnects and deletes both topics; safe to call once whatever happened before. */
  async stop(): Promise<void> {
    await this.consumer.disconnect().catch(() => undefined);
    await this.producer.disconnect().catch(() => undefined);
    try {
      await this.admin.deleteTopics({ topics: [this.topics.input, this.topics.output] });
    } finally {
      await this.admin.disconnect();
    }
  }

  private async run(settings: BaselineSettings): Promise<void> {
    let joined = false;
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => (joined = true));
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topics.input, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: settings.partitionsConcurrently,
      eachBatch: (payload) => this.forward(payload, settings.chunkSize),
    });
    await waitFor(`the baseline to join ${settings.groupId}`, () => joined, { timeoutMs: JOIN_TIMEOUT_MS });
  }

  private async forward(payload: EachBatchPayload, chunkSize: number): Promise<void> {
    const { batch } = payload;
    for (let start = 0; start < batch.messages.length; start += chunkSize) {
      if (!payload.isRunning() || payload.isStale()) return;
      const chunk = batch.messages.slice(start, start + chunkSize);
      await this.producer.send({
        topic: this.topics.output,
        acks: ALL_IN_SYNC_REPLICAS,
        messages: chunk.map((message) => {
          const input = JSON.parse(message.value?.toString('utf8') ?? '{}') as { eventId: string; leadId: string };
          const output = { ...input, eventId: randomUUID(), qualificationId: input.eventId };
          return { key: input.leadId, value: JSON.stringify(output) };
        }),
      });
      const last = chunk[chunk.length - 1].offset;
      payload.resolveOffset(last);
      await payload.commitOffsetsIfNecessary({
        topics: [
          { topic: batch.topic, partitions: [{ partition: batch.partition, offset: String(BigInt(last) + 1n) }] },
        ],
      });
    }
  }
}
