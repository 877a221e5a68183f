import { Logger } from '@nestjs/common';
import { TEST_KAFKA_BROKERS, waitFor } from '@handoff/testing';
import { Kafka, logLevel, type Admin, type IHeaders } from 'kafkajs';
import { Registry } from 'prom-client';
import type { EventProducer } from '../lib/event-producer';
import { KafkaClientFactory } from '../lib/kafka-client.factory';
import { toRecordHeaders, type RecordHeaders } from '../lib/kafka-record';
import type { TopicSpec } from '../lib/kafka.options';
import { runId } from './test-event.fixture';

/** Short timeouts so a test run spends its time consuming, not waiting for the group. */
export const FAST_CONSUMER = {
  sessionTimeoutMs: 6_000,
  heartbeatIntervalMs: 500,
  maxWaitTimeMs: 200,
};
export const FAST_BACKOFF = { initialMs: 50, maxMs: 200, jitter: 0.2 };

export function quietLogs(): void {
  Logger.overrideLogger(false);
}

export function clientFactory(registry = new Registry()): KafkaClientFactory {
  return new KafkaClientFactory(
    { clientId: `kafka-int-${runId()}`, brokers: TEST_KAFKA_BROKERS, logLevel: 'error' },
    registry,
  );
}

/** A raw kafkajs admin for checks the library deliberately does not offer (offsets, configs). */
export function rawAdmin(): Admin {
  return new Kafka({
    clientId: 'kafka-int-checks',
    brokers: TEST_KAFKA_BROKERS,
    logLevel: logLevel.NOTHING,
  }).admin();
}

export interface KafkaTestClients {
  /** A raw kafkajs admin, connected. */
  readonly admin: Admin;
  readonly client: KafkaClientFactory;
  /** The library's producer, connected. */
  readonly producer: EventProducer;
}

/** What a describe block of broker tests shares: opened (with quiet logs) before its tests, closed after them. */
export function useKafkaTestClients(): KafkaTestClients {
  let opened: KafkaTestClients | undefined;
  beforeAll(async () => {
    quietLogs();
    const admin = rawAdmin();
    await admin.connect();
    const client = clientFactory();
    const producer = client.createProducer();
    await producer.connect();
    opened = { admin, client, producer };
  });
  afterAll(async () => {
    await opened?.producer.disconnect();
    await opened?.admin.disconnect();
  });
  const clients = (): KafkaTestClients => {
    if (!opened) throw new Error('the Kafka test clients are open only while their describe block runs');
    return opened;
  };
  return {
    get admin() {
      return clients().admin;
    },
    get client() {
      return clients().client;
    },
    get producer() {
      return clients().producer;
    },
  };
}

export async function createTopics(admin: Admin, topics: TopicSpec[]): Promise<void> {
  await admin.createTopics({
    topics: topics.map((t) => ({
      topic: t.name,
      numPartitions: t.partitions,
      replicationFactor: 1,
    })),
    waitForLeaders: true,
  });
}

export async function committedOffsets(admin: Admin, groupId: string, topic: string): Promise<Record<number, string>> {
  const [result] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return Object.fromEntries(result.partitions.map((p) => [p.partition, p.offset]));
}

export interface ReadRecord {
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeaders;
}

/** Reads `count` records of a topic from the beginning with a throw-away group. */
export async function readRecords(topic: string, count: number): Promise<ReadRecord[]> {
  const kafka = new Kafka({
    clientId: 'kafka-int-reader',
    brokers: TEST_KAFKA_BROKERS,
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({
    groupId: `reader-${runId()}`,
    sessionTimeout: 6_000,
    maxWaitTimeInMs: 200,
  });
  const records: ReadRecord[] = [];
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const headers = toRecordHeaders(message.headers as IHeaders);
        records.push({
          partition,
          offset: message.offset,
          key: message.key,
          value: message.value,
          headers,
        });
      },
    });
    await waitFor(`${count} record(s) on ${topic}`, () => records.length >= count);
    return records;
  } finally {
    await consumer.disconnect();
  }
}
