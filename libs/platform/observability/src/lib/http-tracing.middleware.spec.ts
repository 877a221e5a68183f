import { Controller, Get, type INestApplication, Param } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { PlatformConfig, PlatformConfigModule } from '@handoff/platform-config';
import { ObservabilityModule } from './observability.module';
import { TRACEPARENT_HEADER } from './trace-context';
import { startTracing, type TracingHandle } from './tracing';

const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

@Controller('things')
class ThingsController {
  @Get(':id')
  async find(@Param('id') id: string): Promise<{ id: string; traceId?: string }> {
    await new Promise((resolve) => setImmediate(resolve));
    return { id, traceId: trace.getActiveSpan()?.spanContext().traceId };
  }
}

describe('HTTP tracing', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: TracingHandle;
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    tracing = await startTracing('example', { spanProcessors: [new SimpleSpanProcessor(exporter)], env: {} });
    const moduleRef = await Test.createTestingModule({
      imports: [
        PlatformConfigModule.forRoot(PlatformConfig, { LOG_LEVEL: 'error' }),
        ObservabilityModule.forRoot({ service: 'example' }),
      ],
      controllers: [ThingsController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
    await tracing.shutdown();
  });

  beforeEach(() => exporter.reset());

  it("runs the handler in a SERVER span that continues the caller's traceparent, named by route template", async () => {
    const response = await fetch(`${base}/things/42`, {
      headers: { [TRACEPARENT_HEADER]: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` },
    });

    expect(await response.json()).toEqual({ id: '42', traceId: CALLER_TRACE });
    const [span] = await finishedSpans(exporter, 1);
    expect(span.name).toBe('GET /things/:id');
    expect(span.kind).toBe(SpanKind.SERVER);
    expect(span.spanContext().traceId).toBe(CALLER_TRACE);
    expect(span.parentSpanContext?.spanId).toBe(CALLER_SPAN);
    expect(span.attributes).toMatchObject({ 'http.request.method': 'GET', 'http.route': '/things/:id' });
    expect(span.attributes['http.response.status_code']).toBe(200);
  });

  it('starts a new trace for a caller without traceparent', async () => {
    await (await fetch(`${base}/things/7`)).json();

    const [span] = await finishedSpans(exporter, 1);
    expect(span.parentSpanContext).toBeUndefined();
    expect(span.spanContext().traceId).not.toBe(CALLER_TRACE);
  });

  it('leaves probes and metric scrapes untraced', async () => {
    await (await fetch(`${base}/metrics`)).text();
    await (await fetch(`${base}/things/8`)).json();

    const spans = await finishedSpans(exporter, 1);
    expect(spans.map((span) => span.name)).toEqual(['GET /things/:id']);
  });
});

/** The response can reach the test a moment before the server's 'close' event ends the span. */
async function finishedSpans(exporter: InMemorySpanExporter, count: number) {
  for (let tries = 0; tries < 100 && exporter.getFinishedSpans().length < count; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return exporter.getFinishedSpans();
}
