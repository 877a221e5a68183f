import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startTracing, TRACEPARENT_HEADER, type TracingHandle } from '@handoff/platform-observability';
import { consumedTestEvent, testEvent, testTopic } from '../testing/test-event.fixture';
import { ChunkTrace, inMessageSpan, withEventTraceHeaders } from './kafka-tracing';

const topic = testTopic('unit.tracing.v1');

describe('Kafka tracing while tracing is off', () => {
  it('adds no header and opens no span', () => {
    expect(withEventTraceHeaders(topic.name, testEvent('lead-1', 0), { 'event-id': 'e' })).toEqual({ 'event-id': 'e' });
    expect(ChunkTrace.start([consumedTestEvent(topic.name, testEvent('lead-1', 0), 0)])).toBeUndefined();
  });
});

describe('Kafka tracing', () => {
  const exporter = new InMemorySpanExporter();
  // Exports wait for the detected resource attributes: flushed before each look at the exporter.
  const processor = new SimpleSpanProcessor(exporter);
  let tracing: TracingHandle;

  beforeAll(async () => {
    tracing = await startTracing('unit', { spanProcessors: [processor], env: {} });
  });

  afterAll(() => tracing.shutdown());

  beforeEach(() => exporter.reset());

  it('gives a made event a PRODUCER span under the active one and its traceparent', async () => {
    const parent = trace.getTracer('test').startSpan('request');
    const headers = context.with(trace.setSpan(context.active(), parent), () =>
      withEventTraceHeaders(topic.name, testEvent('lead-1', 0), {}),
    );
    await processor.forceFlush();

    const [create] = exporter.getFinishedSpans();
    expect(create).toMatchObject({ name: `create ${topic.name}`, kind: SpanKind.PRODUCER });
    expect(create.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    expect(headers[TRACEPARENT_HEADER]).toBe(`00-${parent.spanContext().traceId}-${create.spanContext().spanId}-01`);
  });

  it('continues the traceparent each consumed record carries, one CONSUMER span per record', async () => {
    const upstream = ['lead-a', 'lead-b'].map((lead) => {
      const event = testEvent(lead, 0);
      return { event, headers: withEventTraceHeaders(topic.name, event, {}) };
    });
    const messages = upstream.map(({ event, headers }, offset) => ({
      ...consumedTestEvent(topic.name, event, offset),
      headers,
    }));
    await processor.forceFlush();
    const producers = [...exporter.getFinishedSpans()];

    const chunk = ChunkTrace.start(messages) as ChunkTrace;
    const seen = await chunk.run(async () =>
      messages.map((message) => inMessageSpan(message, () => trace.getActiveSpan()?.spanContext().traceId)),
    );

    await processor.forceFlush();
    const consumers = exporter.getFinishedSpans().filter((span) => span.kind === SpanKind.CONSUMER);
    expect(consumers.map((span) => span.parentSpanContext?.spanId)).toEqual(
      producers.map((span) => span.spanContext().spanId),
    );
    expect(seen).toEqual(producers.map((span) => span.spanContext().traceId));
  });

  it("ends every record's span failed when the chunk's handler fails", async () => {
    const messages = [0, 1].map((offset) => consumedTestEvent(topic.name, testEvent('lead-c', offset), offset));

    const chunk = ChunkTrace.start(messages) as ChunkTrace;
    await expect(chunk.run(() => Promise.reject(new Error('database unreachable')))).rejects.toThrow();

    await processor.forceFlush();
    const spans = exporter.getFinishedSpans();
    expect(spans).toHaveLength(2);
    for (const span of spans)
      expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'database unreachable' });
  });

  it("puts an event made inside a message's context in that message's trace, even when others share its correlation id", async () => {
    // One batch request: its events share a correlation id but each record carries its own trace.
    const messages = [0, 1].map((offset) => {
      const event = testEvent('lead-d', offset, 'corr-shared');
      return { ...consumedTestEvent(topic.name, event, offset), headers: withEventTraceHeaders(topic.name, event, {}) };
    });

    const chunk = ChunkTrace.start(messages) as ChunkTrace;
    const headers = await chunk.run(async () =>
      inMessageSpan(messages[1], () => withEventTraceHeaders(topic.name, testEvent('lead-d', 2, 'corr-shared'), {})),
    );

    const traceOf = (traceparent?: string) => traceparent?.split('-')[1];
    expect(traceOf(headers[TRACEPARENT_HEADER])).toBe(traceOf(messages[1].headers[TRACEPARENT_HEADER]));
    expect(traceOf(headers[TRACEPARENT_HEADER])).not.toBe(traceOf(messages[0].headers[TRACEPARENT_HEADER]));
  });
});
