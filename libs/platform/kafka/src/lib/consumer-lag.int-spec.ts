import { dlqNameOf } from '@handoff/contracts';
import { KAFKA_METRICS } from '@handoff/platform-observability';
import { waitFor } from '@handoff/testing';
import { Registry } from 'prom-client';
import { runId, testEvent, testTopic } from '../testing/test-event.fixture';
import {
  clientFactory,
  createTopics,
  FAST_BACKOFF,
  FAST_CONSUMER,
  useKafkaTestClients,
} from '../testing/kafka-test-kit';
import type { BatchConsumer } from './batch-consumer';
import { onTopic } from './topic-subscription';

/** Lag per partition (as its label) that one replica's registry reports for `groupId`. */
async function reportedLag(registry: Registry, groupId: string): Promise<Record<string, number>> {
  const metric = await registry.getSingleMetric(KAFKA_METRICS.consumerLag.name)?.get();
  const values = (metric?.values ?? []).filter((value) => value.labels['group'] === groupId);
  return Object.fromEntries(values.map((value) => [String(value.labels['partition']), value.value]));
}

describe('consumer lag against the real broker', () => {
  const kafka = useKafkaTestClients();
  const started: BatchConsumer[] = [];

  afterEach(async () => {
    await Promise.all(started.splice(0).map((consumer) => consumer.stop()));
  });

  it('reports uncommitted records as lag, zero once committed, and drops partitions the replica lost', async () => {
    const topic = testTopic(`int.lag.${runId()}.v1`, 2);
    await createTopics(kafka.admin, [
      { name: topic.name, partitions: 2 },
      { name: dlqNameOf(topic.name), partitions: 1 },
    ]);
    const groupId = `lag-${runId()}`;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const startReplica = async (registry: Registry) => {
      const consumer = clientFactory(registry).createConsumer(
        {
          ...FAST_CONSUMER,
          backoff: FAST_BACKOFF,
          groupId,
          lagIntervalMs: 200,
          subscriptions: [onTopic(topic, () => gate)],
        },
        kafka.producer,
      );
      started.push(consumer);
      await consumer.start();
      return consumer;
    };
    const events = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((key, sequence) => testEvent(`lead-${key}`, sequence));
    await kafka.producer.publish(topic, events);
    const first = new Registry();
    await startReplica(first);

    // The handler holds every record: nothing is committed yet.
    await waitFor('the lag of all published records', async () => {
      const lag = await reportedLag(first, groupId);
      return Object.keys(lag).length === 2 && (lag['0'] ?? 0) + (lag['1'] ?? 0) === events.length;
    });

    release();
    await waitFor('the lag to fall to zero once the records are committed', async () => {
      const lag = await reportedLag(first, groupId);
      return Object.keys(lag).length === 2 && Object.values(lag).every((records) => records === 0);
    });

    const second = new Registry();
    await startReplica(second);
    await waitFor('each replica to report only the partition it owns after the rebalance', async () => {
      const [ownedByFirst, ownedBySecond] = [await reportedLag(first, groupId), await reportedLag(second, groupId)];
      const partitions = [...Object.keys(ownedByFirst), ...Object.keys(ownedBySecond)].sort();
      return Object.keys(ownedByFirst).length === 1 && partitions.join() === '0,1';
    });

    await Promise.all(started.splice(0).map((consumer) => consumer.stop()));
    expect(await reportedLag(first, groupId)).toEqual({});
    expect(await reportedLag(second, groupId)).toEqual({});
  });
});
