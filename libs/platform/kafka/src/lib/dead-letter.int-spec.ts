import { dlqNameOf } from '@handoff/contracts';
import { waitFor } from '@handoff/testing';
import { AppliedEvents } from '../testing/applied-events-table';
import { createTopics, FAST_BACKOFF, FAST_CONSUMER, useKafkaTestClients } from '../testing/kafka-test-kit';
import { runId, testEvent, testTopic, type TestEvent } from '../testing/test-event.fixture';
import type { BatchConsumer } from './batch-consumer';
import { DLQ_HEADERS } from './dead-letter';
import type { DeadLetterReader } from './dead-letter-reader';
import { DLQ_REPLAYED_FROM_HEADER, selectDeadLetters, type DeadLetter } from './dead-letter-selection';
import { PoisonMessageError } from './error-classification';
import type { ConsumedMessage } from './kafka-record';
import { onTopic } from './topic-subscription';

/** A smallint column holds at most 32767: PostgreSQL rejects this one with SQLSTATE 22003, on every attempt. */
const OUT_OF_RANGE = 40_000;
/** Each read of a dead-letter topic joins a throw-away group: slower than a plain poll on a busy machine. */
const SLOW_MS = 40_000;

describe('dead letters against the real broker and PostgreSQL', () => {
  const kafka = useKafkaTestClients();
  let reader: DeadLetterReader;
  let applied: AppliedEvents;
  let consumer: BatchConsumer | undefined;

  beforeAll(() => (reader = kafka.client.createDeadLetterReader(kafka.producer)));

  beforeEach(async () => (applied = await AppliedEvents.create()));

  afterEach(async () => {
    await consumer?.stop();
    await applied.drop();
  });

  async function consume(handle: (messages: ConsumedMessage<TestEvent>[]) => Promise<void>) {
    const topic = testTopic(`int.dlq.${runId()}.v1`, 1);
    await createTopics(kafka.admin, [
      { name: topic.name, partitions: 1 },
      { name: dlqNameOf(topic.name), partitions: 1 },
    ]);
    consumer = kafka.client.createConsumer(
      { ...FAST_CONSUMER, backoff: FAST_BACKOFF, groupId: `dlq-${runId()}`, subscriptions: [onTopic(topic, handle)] },
      kafka.producer,
    );
    await consumer.start();
    return topic;
  }

  async function deadLettersOf(topicName: string, count: number): Promise<DeadLetter[]> {
    let letters: DeadLetter[] = [];
    await waitFor(
      `${count} dead letter(s) of ${topicName}`,
      async () => (letters = await reader.read(dlqNameOf(topicName))).length >= count,
      { timeoutMs: SLOW_MS },
    );
    return letters;
  }

  it('dead-letters a record PostgreSQL rejects (SQLSTATE 22003) between two good records of its key, and applies both', async () => {
    const topic = await consume((messages) => applied.apply(messages));
    const poison = testEvent('lead-1', OUT_OF_RANGE);

    await kafka.producer.publish(topic, [testEvent('lead-1', 1), poison, testEvent('lead-1', 2)]);

    await waitFor('two events of lead-1 applied', async () => (await applied.sequencesOf('lead-1')).length === 2);
    expect(await applied.sequencesOf('lead-1')).toEqual([1, 2]);
    const [letter] = await deadLettersOf(topic.name, 1);
    expect(JSON.parse(letter.record.value?.toString() ?? '')).toMatchObject({ eventId: poison.eventId });
    expect(letter.record.headers).toMatchObject({
      [DLQ_HEADERS.originalOffset]: '1',
      [DLQ_HEADERS.errorClass]: 'poison/QueryFailedError',
      [DLQ_HEADERS.errorMessage]: expect.stringContaining('out of range for type smallint'),
    });
  });

  it('counts the records a dead-letter topic holds', async () => {
    const topic = await consume(async (messages) => {
      if (messages.some((m) => m.value.sequence === 9)) throw new PoisonMessageError('9 is never applied');
      await applied.apply(messages);
    });
    await kafka.producer.publish(topic, [testEvent('lead-4', 9), testEvent('lead-5', 9)]);
    await deadLettersOf(topic.name, 2);

    expect(await reader.count([dlqNameOf(topic.name)])).toEqual(new Map([[dlqNameOf(topic.name), 2]]));
  });

  it('replays a dead letter once its bug is fixed: applied once, and a second replay is dropped by the inbox', async () => {
    let fixed = false;
    const topic = await consume(async (messages) => {
      if (!fixed && messages.some((m) => m.value.sequence === 13)) throw new PoisonMessageError('13 is unlucky');
      await applied.apply(messages);
    });
    await kafka.producer.publish(topic, [testEvent('lead-2', 1), testEvent('lead-2', 13), testEvent('lead-2', 2)]);
    const letters = await deadLettersOf(topic.name, 1);
    await waitFor('two events of lead-2 applied', async () => (await applied.sequencesOf('lead-2')).length === 2);

    fixed = true;
    const chosen = selectDeadLetters(letters, { filter: 'message:unlucky' });
    expect(await reader.replay(chosen)).toBe(1);
    await waitFor('sequence 13 of lead-2 applied', async () => (await applied.sequencesOf('lead-2')).includes(13));

    await reader.replay(chosen);
    await kafka.producer.publish(topic, [testEvent('lead-2', 3)]);
    await waitFor('sequence 3 of lead-2 applied', async () => (await applied.sequencesOf('lead-2')).includes(3));
    expect(await applied.sequencesOf('lead-2')).toEqual([1, 2, 3, 13]);
  });

  it('dead-letters a replayed record that fails again anew, naming the dead letter it was replayed from', async () => {
    const topic = await consume(async (messages) => {
      if (messages.some((m) => m.value.sequence === 7)) throw new PoisonMessageError('7 is never applied');
      await applied.apply(messages);
    });
    await kafka.producer.publish(topic, [testEvent('lead-3', 7)]);
    const [first] = await deadLettersOf(topic.name, 1);

    await reader.replay([first]);
    const letters = await deadLettersOf(topic.name, 2);

    expect(letters.map((l) => l.record.offset)).toEqual(['0', '1']);
    expect(letters[1].record.headers[DLQ_REPLAYED_FROM_HEADER]).toBe(`${dlqNameOf(topic.name)}/0/0`);
    expect(letters[1].originalOffset).toBe('1');
  });
});
