import { randomUUID } from 'node:crypto';
import { Kafka, type Producer, logLevel } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { TEST_KAFKA_BROKERS, waitFor } from '@handoff/testing';
import { dropSchema, freshSchemaName, openTestDataSource } from '../testing/test-database';
import { runMigrations } from './migration.runner';
import type { NewOutboxMessage, OutboxMessage, OutboxSender } from './outbox-message.types';
import { OutboxRelay } from './outbox-relay.service';
import { Outbox } from './outbox.store';

/** Minimal stand-in for the Kafka library's EventProducer.publishRaw: resolves after the broker acks all. */
class KafkaJsSender implements OutboxSender {
  constructor(private readonly producer: Producer) {}

  async send(messages: OutboxMessage[]): Promise<void> {
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: messages.map((message) => ({
        topic: message.topic,
        messages: [{ key: message.key, value: message.value, headers: message.headers }],
      })),
    });
  }
}

interface Received {
  key: string | null;
  value: string;
  correlationId: string | undefined;
}

describe('OutboxRelay with a real Kafka broker', () => {
  const outbox = new Outbox();
  const schema = freshSchemaName();
  const topic = `platform-database.outbox-test.${randomUUID()}`;
  const kafka = new Kafka({
    clientId: 'platform-database-int',
    brokers: TEST_KAFKA_BROKERS,
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: `outbox-test-${randomUUID()}` });
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openTestDataSource(schema);
    await runMigrations(dataSource);
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
  });

  afterAll(async () => {
    await dropSchema(dataSource, schema);
    await dataSource.destroy();
    await consumer.disconnect();
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('delivers exactly the committed outbox rows to the topic, in order per key', async () => {
    const committed: NewOutboxMessage[] = ['lead-1', 'lead-2', 'lead-1', 'lead-3', 'lead-1'].map((key, index) => ({
      topic,
      key,
      value: JSON.stringify({ eventId: randomUUID(), key, index }),
      headers: { 'x-correlation-id': `corr-${index}` },
    }));
    await dataSource.transaction((manager) => outbox.add(manager, committed));
    await dataSource
      .transaction(async (manager) => {
        await outbox.add(manager, [{ topic, key: 'lead-1', value: '{"rolledBack":true}' }]);
        throw new Error('roll back');
      })
      .catch(() => undefined);

    const received: Received[] = [];
    await consumer.run({
      eachMessage: async ({ message }) => {
        received.push({
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? '',
          correlationId: message.headers?.['x-correlation-id']?.toString(),
        });
      },
    });

    const relay = new OutboxRelay(dataSource, new KafkaJsSender(producer));
    expect(await relay.relayOnce()).toBe(committed.length);
    await waitFor('every relayed message to be consumed', () => received.length >= committed.length);

    const byKey = (messages: Array<{ key: string | null; value: string }>, key: string): string[] =>
      messages.filter((message) => message.key === key).map((message) => message.value);
    for (const key of ['lead-1', 'lead-2', 'lead-3']) expect(byKey(received, key)).toEqual(byKey(committed, key));
    expect(received.map((message) => message.correlationId).sort()).toEqual(
      committed.map((message) => message.headers?.['x-correlation-id']).sort(),
    );
  });
});
