import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing, TRACEPARENT_HEADER, type TracingHandle } from '@handoff/platform-observability';
import { waitFor } from '@handoff/testing';
import { createTopics, FAST_BACKOFF, FAST_CONSUMER, useKafkaTestClients } from '../testing/kafka-test-kit';
import { runId, testEvent, testTopic, type TestEvent } from '../testing/test-event.fixture';
import type { BatchConsumer, BatchConsumerOptions } from './batch-consumer';
import type { ConsumedMessage } from './kafka-record';
import { outboxMessageOf } from './outbox-message';

type OutboxRow = ReturnType<typeof outboxMessageOf>;
import { onTopic, withMessageContext } from './topic-subscription';

describe('trace context across the real broker', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: TracingHandle;
  const kafka = useKafkaTestClients();
  const started: BatchConsumer[] = [];

  beforeAll(async () => {
    tracing = await startTracing('kafka-int', { spanProcessors: [new SimpleSpanProcessor(exporter)], env: {} });
  });

  afterAll(() => tracing.shutdown());

  afterEach(async () => {
    await Promise.all(started.splice(0).map((consumer) => consumer.stop()));
    exporter.reset();
  });

  async function freshTopics(...names: string[]) {
    const topics = names.map((name) => testTopic(`int.tracing.${name}.${runId()}.v1`, 1));
    await createTopics(
      kafka.admin,
      topics.map((topic) => ({ name: topic.name, partitions: 1 })),
    );
    return topics;
  }

  async function startConsumer(options: Pick<BatchConsumerOptions, 'subscriptions' | 'chunkSize'>) {
    const consumer = kafka.client.createConsumer(
      { ...FAST_CONSUMER, backoff: FAST_BACKOFF, groupId: `tracing-${runId()}`, ...options },
      kafka.producer,
    );
    started.push(consumer);
    await consumer.start();
    return consumer;
  }

  it("makes the produced record's PRODUCER span the parent of the CONSUMER span its handler runs in", async () => {
    const [topic] = await freshTopics('direct');
    const seenInHandler: string[] = [];
    await startConsumer({
      subscriptions: [
        onTopic(topic, async (messages) => {
          seenInHandler.push(trace.getActiveSpan()?.spanContext().spanId ?? 'none');
          expect(messages[0].headers[TRACEPARENT_HEADER]).toBeDefined();
        }),
      ],
    });

    await trace.getTracer('test').startActiveSpan('POST /leads', async (span) => {
      await kafka.producer.publish(topic, [testEvent('lead-t', 0)]);
      span.end();
    });
    await waitFor('the record to be handled', () => seenInHandler.length === 1);

    const spans = await spansNamed(`process ${topic.name}`, 1);
    const consumer = spans[0];
    const create = findSpan(`create ${topic.name}`);
    const send = findSpan(`send ${topic.name}`);
    const http = findSpan('POST /leads', (span) => span.spanContext().traceId === send.spanContext().traceId);
    expect(consumer.kind).toBe(SpanKind.CONSUMER);
    expect(create.kind).toBe(SpanKind.PRODUCER);
    expect(consumer.parentSpanContext?.spanId).toBe(create.spanContext().spanId);
    expect(create.parentSpanContext?.spanId).toBe(send.spanContext().spanId);
    expect(send.parentSpanContext?.spanId).toBe(http.spanContext().spanId);
    expect(consumer.spanContext().traceId).toBe(http.spanContext().traceId);
    expect(seenInHandler).toEqual([consumer.spanContext().spanId]);
    expect(consumer.attributes).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.destination.name': topic.name,
      'messaging.operation.type': 'process',
    });
  });

  // Scoring builds qualifications inside each message's context, but scores for the whole chunk at its end.
  const builtPerMessage = (message: ConsumedMessage<TestEvent>, build: () => OutboxRow) =>
    withMessageContext(message, build);
  const builtForTheChunk = (_message: ConsumedMessage<TestEvent>, build: () => OutboxRow) => build();

  it.each([
    ['built in its message context', builtPerMessage],
    ['built for the whole chunk, by correlation id', builtForTheChunk],
  ])(
    "keeps each message's own trace through a chunk and an outbox row (%s) to the next consumer",
    async (_, builder) => {
      const [first, second] = await freshTopics('first', 'second');
      const relayed: ConsumedMessage<TestEvent>[] = [];
      const traces = await Promise.all(
        ['lead-a', 'lead-b'].map((lead) =>
          trace.getTracer('test').startActiveSpan(`ingest ${lead}`, async (span) => {
            await kafka.producer.publish(first, [testEvent(lead, 0)]);
            span.end();
            return span.spanContext().traceId;
          }),
        ),
      );
      // Started after both were published, so the two records of different traces arrive in one chunk.
      await startConsumer({
        chunkSize: 10,
        subscriptions: [
          onTopic(first, async (messages) => {
            // Stored as outbox rows for a relay to send later.
            const rows = messages.map((message) =>
              builder(message, () =>
                outboxMessageOf(second, testEvent(message.value.entityId, 1, message.correlationId)),
              ),
            );
            // What the outbox relay sends: the rows as stored, headers and all.
            await kafka.producer.publishRaw(rows.map((row) => ({ ...row, headers: row.headers ?? {} })));
          }),
        ],
      });
      await startConsumer({ subscriptions: [onTopic(second, async (messages) => void relayed.push(...messages))] });

      await waitFor('both relayed records to be handled', () => relayed.length === 2);

      const downstream = await spansNamed(`process ${second.name}`, 2);
      for (const [index, lead] of ['lead-a', 'lead-b'].entries()) {
        const message = relayed.find((m) => m.value.entityId === lead);
        const span = downstream.find((s) => s.attributes['messaging.message.id'] === message?.value.eventId);
        expect(span?.spanContext().traceId).toBe(traces[index]);
      }
      expect(new Set(traces).size).toBe(2);
    },
  );

  function findSpan(name: string, where: (span: ReadableSpan) => boolean = () => true): ReadableSpan {
    const found = exporter.getFinishedSpans().find((span) => span.name === name && where(span));
    if (!found) throw new Error(`no finished span ${name}`);
    return found;
  }

  /** A consumer span ends only once its chunk was handled, a moment after the handler saw it. */
  async function spansNamed(name: string, count: number): Promise<ReadableSpan[]> {
    const named = () => exporter.getFinishedSpans().filter((span) => span.name === name);
    await waitFor(`${count} finished ${name} spans`, () => named().length >= count);
    return named();
  }
});
