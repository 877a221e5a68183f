import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { infrastructureAddresses } from './infrastructure-addresses';
import { uniqueName } from './test-infrastructure';
import { waitFor } from './wait-for';

export interface ReadRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/**
 * Collects every record of some topics from the beginning with a throw-away consumer group, so a test
 * can assert on exactly what a service published (and that nothing else was).
 */
export class TopicReader {
  readonly records: ReadRecord[] = [];
  private readonly kafka: Kafka;
  private readonly consumer: Consumer;
  private readonly parsed = new WeakMap<ReadRecord, unknown>();

  private constructor(
    private readonly topics: string[],
    /** Where records go instead of `records`. */
    private readonly sink?: (record: ReadRecord) => void,
  ) {
    this.kafka = new Kafka({
      clientId: 'test-reader',
      brokers: infrastructureAddresses().kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    this.consumer = this.kafka.consumer({
      groupId: uniqueName('test_reader'),
      sessionTimeout: 6000,
      maxWaitTimeInMs: 100,
    });
  }

  static async start(topics: string[]): Promise<TopicReader> {
    const reader = new TopicReader(topics);
    await reader.run();
    return reader;
  }

  /**
   * Collects only what is published from now on: for shared topics that other runs (benchmarks, other
   * suites) keep filling, so a test does not read their whole history first.
   */
  static async startAtEnd(topics: string[]): Promise<TopicReader> {
    const reader = new TopicReader(topics);
    await reader.run(await reader.endOffsets());
    return reader;
  }

  /**
   * Hands each record published from now on to `onRecord` and keeps none: for a long watch (the live demo) that
   * counts what passes rather than asserting on it.
   */
  static async follow(topics: string[], onRecord: (record: ReadRecord) => void): Promise<TopicReader> {
    const reader = new TopicReader(topics, onRecord);
    await reader.run(await reader.endOffsets());
    return reader;
  }

  on(topic: string): ReadRecord[] {
    return this.records.filter((record) => record.topic === topic);
  }

  async waitForCount(topic: string, count: number, timeoutMs?: number): Promise<ReadRecord[]> {
    await waitFor(`${count} record(s) on ${topic}`, () => this.on(topic).length >= count, { timeoutMs });
    return this.on(topic);
  }

  /**
   * The JSON values published to `topic` that `match`, each record once: a reader that rejoined its
   * group (the broker paused, a rebalance) may be handed a record again, which is not a second publish.
   * Values that are not JSON (a dead-lettered payload) match nothing; read them with `on()`.
   */
  values<T>(topic: string, match: (value: T, record: ReadRecord) => boolean = () => true): T[] {
    const positions = new Set<string>();
    const values: T[] = [];
    for (const record of this.on(topic)) {
      const position = `${record.partition}:${record.offset}`;
      if (positions.has(position)) continue;
      positions.add(position);
      if (!this.parsed.has(record)) this.parsed.set(record, parseJson(record.value));
      const value = this.parsed.get(record) as T | undefined;
      if (value !== undefined && match(value, record)) values.push(value);
    }
    return values;
  }

  /** Waits until at least `count` values of `topic` match, then returns all those that do. */
  async waitForValues<T>(
    topic: string,
    match: (value: T, record: ReadRecord) => boolean,
    count = 1,
    timeoutMs?: number,
  ): Promise<T[]> {
    await waitFor(`${count} matching record(s) on ${topic}`, () => this.values(topic, match).length >= count, {
      timeoutMs,
    });
    return this.values(topic, match);
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }

  private async endOffsets(): Promise<{ topic: string; partition: number; offset: string }[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const offsets = await Promise.all(
        this.topics.map(async (topic) =>
          (await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => ({ topic, partition, offset: high })),
        ),
      );
      return offsets.flat();
    } finally {
      await admin.disconnect();
    }
  }

  private async run(startAt: { topic: string; partition: number; offset: string }[] = []): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    let joined = false;
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => (joined = true));
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const record: ReadRecord = {
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers: Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value ?? '')]),
          ),
        };
        if (this.sink) this.sink(record);
        else this.records.push(record);
      },
    });
    // Seeks given before the group is joined apply to the partitions once they are assigned.
    for (const position of startAt) this.consumer.seek(position);
    await waitFor('the test reader to join its group', () => joined);
  }
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
