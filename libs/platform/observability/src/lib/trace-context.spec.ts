import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { JsonLogger } from './json.logger';
import { extractTraceContext, injectTraceContext, TRACEPARENT_HEADER } from './trace-context';
import { startTracing, type TracingHandle } from './tracing';

const W3C_TRACEPARENT = /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/;

describe('trace context headers', () => {
  const exporter = new InMemorySpanExporter();
  // Exports wait for the detected resource attributes: flushed before looking at the exporter.
  const processor = new SimpleSpanProcessor(exporter);
  let tracing: TracingHandle;

  beforeAll(async () => {
    tracing = await startTracing('test', { spanProcessors: [processor], env: {} });
  });

  afterAll(() => tracing.shutdown());

  it('writes the active span as a W3C traceparent', () => {
    const span = trace.getTracer('test').startSpan('produce');
    const headers = context.with(trace.setSpan(context.active(), span), () =>
      injectTraceContext({ 'event-id': 'e-1' }),
    );
    span.end();

    const { traceId, spanId } = span.spanContext();
    expect(headers[TRACEPARENT_HEADER]).toMatch(W3C_TRACEPARENT);
    expect(headers[TRACEPARENT_HEADER]).toBe(`00-${traceId}-${spanId}-01`);
    expect(headers['event-id']).toBe('e-1');
  });

  it('reads back the span a traceparent names, so a span started under it joins that trace as its child', async () => {
    const producer = trace.getTracer('test').startSpan('produce');
    const headers = injectTraceContext({}, trace.setSpan(context.active(), producer));
    producer.end();

    const child = trace.getTracer('test').startSpan('consume', {}, extractTraceContext(headers));
    child.end();
    await processor.forceFlush();

    const exported = exporter.getFinishedSpans().find((span) => span.name === 'consume');
    expect(exported?.spanContext().traceId).toBe(producer.spanContext().traceId);
    expect(exported?.parentSpanContext?.spanId).toBe(producer.spanContext().spanId);
  });

  it('starts a new trace when the headers carry no traceparent, or a malformed one', () => {
    for (const headers of [{}, { [TRACEPARENT_HEADER]: 'not-a-traceparent' }]) {
      const parent = extractTraceContext(headers);
      expect(trace.getSpanContext(parent)).toBeUndefined();
    }
  });

  it('writes nothing outside any span', () => {
    expect(injectTraceContext({})).toEqual({});
  });

  it('stamps log lines written inside a span with its trace and span id, and others with none', () => {
    const lines: string[] = [];
    const logger = new JsonLogger({ service: 'test', write: (line) => lines.push(line) });
    const span = trace.getTracer('test').startSpan('work');

    context.with(trace.setSpan(context.active(), span), () => logger.log({ msg: 'inside' }));
    logger.log({ msg: 'outside' });
    span.end();

    const [inside, outside] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(inside).toMatchObject({
      msg: 'inside',
      traceId: span.spanContext().traceId,
      spanId: span.spanContext().spanId,
    });
    expect(outside).not.toHaveProperty('traceId');
  });
});
