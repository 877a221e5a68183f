import { context, isSpanContextValid, propagation, ROOT_CONTEXT, trace, type Context } from '@opentelemetry/api';
import { tracingActive } from './tracing';

/** W3C Trace Context headers: the same names on HTTP requests and Kafka records. */
export const TRACEPARENT_HEADER = 'traceparent';
export const TRACESTATE_HEADER = 'tracestate';

type Carrier = Readonly<Record<string, string | string[] | undefined>>;

/**
 * The trace context `headers` carry (from an HTTP request or a Kafka record), on a fresh root so nothing
 * of the caller's own context leaks in; without a `traceparent` (or with tracing off) it is the root itself.
 */
export function extractTraceContext(headers: Carrier): Context {
  return propagation.extract(ROOT_CONTEXT, headers);
}

/**
 * Adds `traceparent` (and `tracestate`) for `parent` (default: the active context) to `headers`. With
 * tracing off, or outside any span, nothing is added.
 */
export function injectTraceContext(
  headers: Record<string, string>,
  parent: Context = context.active(),
): Record<string, string> {
  propagation.inject(parent, headers);
  return headers;
}

/** The active span's ids, for log lines: a log line then leads to its trace (nothing while tracing is off). */
export function activeTraceFields(): { traceId?: string; spanId?: string } {
  if (!tracingActive()) return {};
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && isSpanContextValid(spanContext)
    ? { traceId: spanContext.traceId, spanId: spanContext.spanId }
    : {};
}
