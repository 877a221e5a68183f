import { dlqNameOf } from '@handoff/contracts';
import { CORRELATION_ID_HEADER } from '@handoff/platform-observability';
import { waitFor } from '@handoff/testing';
import { runId, testEvent, testTopic, type TestEvent } from '../testing/test-event.fixture';
import {
  committedOffsets,
  createTopics,
  FAST_BACKOFF,
  FAST_CONSUMER,
  readRecords,
  useKafkaTestClients,
} from '../testing/kafka-test-kit';
import type { BatchConsumer, BatchConsumerOptions } from './batch-consumer';
import { DLQ_HEADERS } from './dead-letter';
import { PoisonMessageError } from './error-classification';
import { eventHeaders } from './event-producer';
import type { ConsumedMessage } from './kafka-record';
import { onTopic } from './topic-subscription';

describe('BatchConsumer against the real broker', () => {
  const kafka = useKafkaTestClients();
  const started: BatchConsumer[] = [];

  afterEach(async () => {
    await Promise.all(started.splice(0).map((consumer) => consumer.stop()));
  });

  async function freshTopic(partitions: number) {
    const topic = testTopic(`int.consumer.${runId()}.v1`, partitions);
    await createTopics(kafka.admin, [
      { name: topic.name, partitions },
      { name: dlqNameOf(topic.name), partitions: 1 },
    ]);
    return topic;
  }

  async function startConsumer(options: Omit<BatchConsumerOptions, keyof typeof FAST_CONSUMER | 'backoff'>) {
    const consumer = kafka.client.createConsumer(
      { ...FAST_CONSUMER, backoff: FAST_BACKOFF, ...options },
      kafka.producer,
    );
    started.push(consumer);
    await consumer.start();
    return consumer;
  }

  it('delivers a batch published across several keys in order per key, with its headers and correlation id', async () => {
    const topic = await freshTopic(3);
    const keys = ['lead-a', 'lead-b', 'lead-c', 'lead-d', 'lead-e'];
    const events = Array.from({ length: 20 }, (_, sequence) => keys.map((key) => testEvent(key, sequence))).flat();
    const received: ConsumedMessage<TestEvent>[] = [];
    await startConsumer({
      groupId: `ordering-${runId()}`,
      subscriptions: [onTopic(topic, async (messages) => void received.push(...messages))],
      chunkSize: 7,
    });

    await kafka.producer.publish(topic, events);
    await waitFor('every published event to be received', () => received.length >= events.length);

    for (const key of keys) {
      const sequences = received.filter((m) => m.key === key).map((m) => m.value.sequence);
      expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => i));
    }
    const first = received.find((m) => m.value.eventId === events[0].eventId);
    expect(first?.headers).toMatchObject(eventHeaders(events[0]));
    expect(first?.correlationId).toBe(events[0].correlationId);
  });

  it('sends undecodable and poison messages to <topic>.dlq with their headers and still handles the later ones', async () => {
    const topic = await freshTopic(1);
    const groupId = `poison-${runId()}`;
    const valid = [0, 3, 4, 5].map((sequence) => testEvent('lead-p', sequence));
    const violating = { ...testEvent('lead-p', 2), sequence: -1 };
    const headersOf = (correlationId: string) => ({
      [CORRELATION_ID_HEADER]: correlationId,
    });
    const records = [
      { value: JSON.stringify(valid[0]), headers: eventHeaders(valid[0]) },
      { value: '{"not json', headers: headersOf('corr-invalid-json') },
      {
        value: JSON.stringify(violating),
        headers: headersOf('corr-violation'),
      },
      { value: JSON.stringify(valid[1]), headers: eventHeaders(valid[1]) },
      { value: JSON.stringify(valid[2]), headers: eventHeaders(valid[2]) },
      { value: JSON.stringify(valid[3]), headers: eventHeaders(valid[3]) },
    ].map((record) => ({ ...record, topic: topic.name, key: 'lead-p' }));
    const handled: number[] = [];
    await startConsumer({
      groupId,
      subscriptions: [
        onTopic(topic, async (messages) => {
          if (messages.some((m) => m.value.sequence === 3))
            throw new PoisonMessageError('sequence 3 cannot be applied');
          handled.push(...messages.map((m) => m.value.sequence));
        }),
      ],
    });

    await kafka.producer.publishRaw(records);
    const deadLetters = await readRecords(dlqNameOf(topic.name), 3);
    await waitFor(
      'the offset after the last record to be committed',
      async () => (await committedOffsets(kafka.admin, groupId, topic.name))[0] === '6',
    );

    expect(handled).toEqual([0, 4, 5]);
    expect(deadLetters.map((r) => r.headers[DLQ_HEADERS.errorClass])).toEqual([
      'poison/ContractViolationError',
      'poison/ContractViolationError',
      'poison/PoisonMessageError',
    ]);
    deadLetters.forEach((deadLetter, index) => {
      const original = records[index + 1];
      expect(deadLetter.key?.toString()).toBe('lead-p');
      expect(deadLetter.value?.toString()).toBe(original.value);
      expect(deadLetter.headers).toMatchObject({
        ...original.headers,
        [DLQ_HEADERS.originalTopic]: topic.name,
        [DLQ_HEADERS.originalPartition]: '0',
        [DLQ_HEADERS.originalOffset]: String(index + 1),
      });
      expect(deadLetter.headers[DLQ_HEADERS.errorMessage]).toEqual(expect.any(String));
      expect(Number(deadLetter.headers[DLQ_HEADERS.attempts])).toBeGreaterThanOrEqual(1);
      expect(Date.parse(deadLetter.headers[DLQ_HEADERS.failedAt])).not.toBeNaN();
    });
    expect(deadLetters[2].headers[DLQ_HEADERS.attempts]).toBe('2');
  });

  it('retries a transient failure in place and commits past the message only after it succeeded', async () => {
    const topic = await freshTopic(1);
    const groupId = `transient-${runId()}`;
    const calls: number[] = [];
    const committedWhileFailing: string[] = [];
    let failuresLeft = 2;
    await startConsumer({
      groupId,
      chunkSize: 1,
      subscriptions: [
        onTopic(topic, async ([message]) => {
          calls.push(message.value.sequence);
          if (message.value.sequence === 1 && failuresLeft > 0) {
            failuresLeft--;
            committedWhileFailing.push((await committedOffsets(kafka.admin, groupId, topic.name))[0]);
            throw new Error('database unavailable');
          }
        }),
      ],
    });

    await kafka.producer.publish(
      topic,
      [0, 1, 2].map((sequence) => testEvent('lead-t', sequence)),
    );
    await waitFor(
      'the offset after the last record to be committed',
      async () => (await committedOffsets(kafka.admin, groupId, topic.name))[0] === '3',
    );

    expect(calls).toEqual([0, 1, 1, 1, 2]);
    expect(committedWhileFailing).toEqual(['1', '1']);
  });

  it('commits the chunk in flight when stopped, so a new member of the group neither re-handles nor loses a message', async () => {
    const topic = await freshTopic(2);
    const groupId = `restart-${runId()}`;
    const events = Array.from({ length: 40 }, (_, sequence) => testEvent(`lead-${sequence % 4}`, sequence));
    const handledBy = { first: [] as string[], second: [] as string[] };
    let releaseGate = () => undefined as void;
    const gate = new Promise<void>((resolve) => (releaseGate = resolve));
    let gateReached = false;
    await kafka.producer.publish(topic, events);
    const first = await startConsumer({
      groupId,
      chunkSize: 5,
      subscriptions: [
        onTopic(topic, async (messages) => {
          if (!gateReached) {
            gateReached = true;
            await gate;
          }
          handledBy.first.push(...messages.map((m) => m.value.eventId));
        }),
      ],
    });

    await waitFor('the first chunk to be in flight', () => gateReached);
    // stop() marks the consumer as stopping before it returns, so the chunk is released into a stop under way;
    // what stop() resolves with proves it waited for that chunk instead of abandoning it.
    const stopping = first.stop().then(() => handledBy.first.length);
    releaseGate();
    expect(await stopping).toBeGreaterThan(0);
    const committed = await committedOffsets(kafka.admin, groupId, topic.name);
    await startConsumer({
      groupId,
      subscriptions: [
        onTopic(topic, async (messages) => void handledBy.second.push(...messages.map((m) => m.value.eventId))),
      ],
    });
    await waitFor(
      'every event to be handled by one of the two members',
      () => handledBy.first.length + handledBy.second.length >= events.length,
    );

    const committedCount = Object.values(committed).reduce((sum, offset) => sum + Math.max(0, Number(offset)), 0);
    expect(handledBy.first.length).toBeGreaterThan(0);
    expect(committedCount).toBe(handledBy.first.length);
    expect([...handledBy.first, ...handledBy.second].sort()).toEqual(events.map((e) => e.eventId).sort());
  });
});
