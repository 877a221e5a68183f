import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startTracing, type TracingHandle } from './tracing';

// The app's own name is the default (the end-to-end tracing test sees `ingest`, `scoring`…); this is the override.
describe('the service name on spans', () => {
  const exporter = new InMemorySpanExporter();
  const processor = new SimpleSpanProcessor(exporter);
  const before = process.env['OTEL_SERVICE_NAME'];
  let tracing: TracingHandle;

  beforeAll(async () => {
    process.env['OTEL_SERVICE_NAME'] = 'ingest-eu';
    tracing = await startTracing('ingest', { spanProcessors: [processor], env: {} });
  });

  afterAll(async () => {
    await tracing.shutdown();
    if (before === undefined) delete process.env['OTEL_SERVICE_NAME'];
    else process.env['OTEL_SERVICE_NAME'] = before;
  });

  it('is OTEL_SERVICE_NAME when it is set, over the app name', async () => {
    trace.getTracer('test').startSpan('work').end();
    await processor.forceFlush();

    const [span] = exporter.getFinishedSpans();
    expect(span.resource.attributes['service.name']).toBe('ingest-eu');
  });
});
