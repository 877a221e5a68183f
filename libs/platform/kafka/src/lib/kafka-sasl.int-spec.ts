import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, KafkaBroker, waitFor } from '@handoff/testing';
import { Registry } from 'prom-client';
import { FAST_CONSUMER, quietLogs } from '../testing/kafka-test-kit';
import { runId, testEvent, testTopic } from '../testing/test-event.fixture';
import { KafkaClientFactory } from './kafka-client.factory';
import type { KafkaSasl } from './kafka.options';
import { onTopic } from './topic-subscription';

const workspaceRoot = join(__dirname, '../../../../..');
const USER = 'handoff-scoring';
const PASSWORD = 'local-only-scram-secret';

/** A broker of the test's own with a SASL listener: the shared one stays plain text, and only this one is stopped. */
let broker: KafkaBroker;
let directory: string;

beforeAll(async () => {
  quietLogs();
  directory = mkdtempSync(join(tmpdir(), 'handoff-sasl-'));
  const ports = new Set<number>();
  while (ports.size < 3) ports.add(await freePort());
  const [port, controllerPort, saslPort] = [...ports];
  broker = new KafkaBroker({
    workspaceRoot,
    directory,
    port,
    controllerPort,
    sasl: { port: saslPort, username: USER, password: PASSWORD },
  });
  await broker.prepare();
  await broker.start();
}, 180_000);

afterAll(async () => {
  await broker?.stop();
  rmSync(directory, { recursive: true, force: true });
});

function clientWith(sasl: KafkaSasl): KafkaClientFactory {
  return new KafkaClientFactory(
    {
      clientId: `sasl-${runId()}`,
      brokers: [broker.saslAddress as string],
      logLevel: 'nothing',
      retry: { retries: 1 },
      sasl,
    },
    new Registry(),
  );
}

describe('the Kafka client on a SASL listener', () => {
  it.each(['scram-sha-256', 'scram-sha-512', 'plain'] as const)(
    'with %s credentials creates a topic, publishes and consumes a record in a group',
    async (mechanism) => {
      const client = clientWith({ mechanism, username: USER, password: PASSWORD });
      const topic = testTopic(`int.sasl.${mechanism}.${runId()}.v1`, 1);
      await client.createProvisioner().ensureTopics([{ name: topic.name, partitions: 1 }]);
      const producer = client.createProducer();
      const received: string[] = [];
      const consumer = client.createConsumer(
        {
          ...FAST_CONSUMER,
          groupId: `sasl-${runId()}`,
          subscriptions: [
            onTopic(topic, async (messages) => void received.push(...messages.map((m) => m.value.eventId))),
          ],
        },
        producer,
      );
      try {
        await producer.connect();
        await consumer.start();
        const event = testEvent('lead-sasl', 0);
        await producer.publish(topic, [event]);
        await waitFor('the record to come back through the SASL listener', () => received.includes(event.eventId), {
          timeoutMs: 30_000,
        });
      } finally {
        await consumer.stop();
        await producer.disconnect();
      }
    },
    60_000,
  );

  it('is refused with a wrong SCRAM password, and a client without credentials cannot reach the listener', async () => {
    const wrongPassword = clientWith({ mechanism: 'scram-sha-512', username: USER, password: 'not-the-password' });
    await expect(
      wrongPassword.createProvisioner().ensureTopics([{ name: `int.sasl.refused.${runId()}.v1`, partitions: 1 }]),
    ).rejects.toThrow(/SASL SCRAM SHA512 authentication failed/i);

    const anonymous = new KafkaClientFactory(
      { clientId: `sasl-${runId()}`, brokers: [broker.saslAddress as string], logLevel: 'nothing' },
      new Registry(),
    ).createBrokerProbe();
    try {
      expect(await anonymous.isReachable(3_000)).toBe(false);
    } finally {
      await anonymous.close();
    }
  }, 60_000);
});
