import { randomUUID } from 'node:crypto';
import {
  CONTENT_TYPE_HEADER,
  EVENT_ID_HEADER,
  JSON_CONTENT_TYPE,
  SCHEMA_VERSION_HEADER,
} from '@handoff/platform-kafka';
import { CORRELATION_ID_HEADER } from '@handoff/platform-observability';
import { type Admin, Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { type BenchEvent, personKeyOf } from './event-generator';
import type { RequestOutcome } from '@handoff/testing';

const ALL_IN_SYNC_REPLICAS = -1;

/**
 * The floor ingest is measured against: a bare kafkajs producer configured as ingest's (idempotent, one
 * request in flight, acks from all in-sync replicas, the Java client's partitioner) sending the same
 * events, keyed by person, with the same four headers, to a fresh topic shaped like
 * engagement.recorded.v1. Each "request" is one send awaited until acknowledged, as ingest awaits it.
 */
export class KafkaBaseline {
  private constructor(
    private readonly admin: Admin,
    private readonly producer: Producer,
    readonly topic: string,
  ) {}

  static async start(brokers: string[], topic: string, partitions: number): Promise<KafkaBaseline> {
    const kafka = new Kafka({ clientId: 'bench-baseline', brokers, logLevel: logLevel.WARN });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }],
    });
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    return new KafkaBaseline(admin, producer, topic);
  }

  async send(events: readonly BenchEvent[]): Promise<RequestOutcome> {
    try {
      await this.producer.send({
        topic: this.topic,
        acks: ALL_IN_SYNC_REPLICAS,
        messages: events.map((event) => ({
          key: personKeyOf(event),
          value: JSON.stringify(event),
          headers: {
            [CORRELATION_ID_HEADER]: randomUUID(),
            [EVENT_ID_HEADER]: event.messageId,
            [SCHEMA_VERSION_HEADER]: '1',
            [CONTENT_TYPE_HEADER]: JSON_CONTENT_TYPE,
          },
        })),
      });
      return { acceptedEvents: events.length };
    } catch (error) {
      return { acceptedEvents: 0, failure: error instanceof Error ? error.name : 'send failed' };
    }
  }

  /** Disconnects and deletes the bench topic; safe to call once whatever happened before. */
  async stop(): Promise<void> {
    await this.producer.disconnect().catch(() => undefined);
    try {
      await this.admin.deleteTopics({ topics: [this.topic] });
    } finally {
      await this.admin.disconnect();
    }
  }
}
