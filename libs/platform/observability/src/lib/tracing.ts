import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

type Env = Readonly<Record<string, string | undefined>>;

export interface TracingHandle {
  /** Exports the spans still buffered, then stops the SDK; a no-op when tracing is off. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** Where spans go instead of the exporter the OTEL_* variables name (tests: an in-memory exporter); turns tracing on. */
  spanProcessors?: SpanProcessor[];
  env?: Env;
}

const OFF: TracingHandle = { shutdown: async () => undefined };

let active = false;

/** True once startTracing started the SDK: spans are worth creating and headers worth injecting. */
export function tracingActive(): boolean {
  return active;
}

/**
 * Tracing is opt-in: on only when an exporter is named (OTEL_TRACES_EXPORTER other than `none`) or an OTLP
 * endpoint is given, and OTEL_SDK_DISABLED is not true. Off, no SDK starts and the API stays the no-op one.
 */
export function tracingEnabled(env: Env = process.env): boolean {
  if (sdkDisabled(env)) return false;
  const exporters = env['OTEL_TRACES_EXPORTER']?.trim().toLowerCase();
  if (exporters === 'none') return false;
  return Boolean(exporters || env['OTEL_EXPORTER_OTLP_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']);
}

/**
 * Starts the OpenTelemetry SDK for `serviceName` (OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win over it)
 * with W3C trace context propagation. Exporter, protocol, endpoint, headers, sampler and batching come from the
 * standard OTEL_* variables, read by the SDK itself. Only traces: metrics stay on /metrics, logs on stdout.
 * serveService calls it first thing, before the application is created.
 */
export async function startTracing(serviceName: string, options: TracingOptions = {}): Promise<TracingHandle> {
  const env = options.env ?? process.env;
  if (active || sdkDisabled(env) || (!options.spanProcessors && !tracingEnabled(env))) return OFF;
  // Loaded only when tracing is on: a service with it off never even loads the SDK.
  const [{ NodeSDK }, { W3CTraceContextPropagator }, { defaultResource, resourceFromAttributes }] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/core'),
    import('@opentelemetry/resources'),
  ]);
  const sdk = new NodeSDK({
    // Detected attributes (OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES, host, process) are merged over this.
    resource: defaultResource().merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName })),
    textMapPropagator: env['OTEL_PROPAGATORS'] ? undefined : new W3CTraceContextPropagator(),
    spanProcessors: options.spanProcessors,
    // Empty lists, not absent ones: absent, the SDK would also start OTLP metric and log exporters.
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  active = true;
  return {
    shutdown: async () => {
      active = false;
      await sdk.shutdown();
    },
  };
}

function sdkDisabled(env: Env): boolean {
  return env['OTEL_SDK_DISABLED']?.trim().toLowerCase() === 'true';
}
