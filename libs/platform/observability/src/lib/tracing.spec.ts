import { ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { injectTraceContext } from './trace-context';
import { startTracing, tracingActive, tracingEnabled } from './tracing';

describe('tracingEnabled', () => {
  it('is off when no OTEL_* variable names an exporter or an endpoint', () => {
    expect(tracingEnabled({})).toBe(false);
    expect(tracingEnabled({ OTEL_SERVICE_NAME: 'ingest' })).toBe(false);
  });

  it('is on when an exporter or an OTLP endpoint is given', () => {
    expect(tracingEnabled({ OTEL_TRACES_EXPORTER: 'otlp' })).toBe(true);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
  });

  it('stays off with OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none, whatever else is set', () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    expect(tracingEnabled({ ...endpoint, OTEL_SDK_DISABLED: 'true' })).toBe(false);
    expect(tracingEnabled({ ...endpoint, OTEL_SDK_DISABLED: 'TRUE' })).toBe(false);
    expect(tracingEnabled({ ...endpoint, OTEL_TRACES_EXPORTER: 'none' })).toBe(false);
    expect(tracingEnabled({ ...endpoint, OTEL_SDK_DISABLED: 'false' })).toBe(true);
  });
});

describe('startTracing while tracing is off', () => {
  it('starts no SDK: the tracer stays the no-op one and no trace header is written', async () => {
    const handle = await startTracing('ingest', { env: {} });

    expect(tracingActive()).toBe(false);
    const span = trace.getTracer('test').startSpan('work');
    expect(span.isRecording()).toBe(false);
    const valid = trace.wrapSpanContext({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: TraceFlags.SAMPLED,
    });
    expect(injectTraceContext({}, trace.setSpan(ROOT_CONTEXT, valid))).toEqual({});
    await handle.shutdown();
  });
});
