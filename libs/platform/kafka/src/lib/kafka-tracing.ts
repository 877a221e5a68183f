import {
  context,
  createContextKey,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
} from '@opentelemetry/api';
import type { EventEnvelope } from '@handoff/contracts';
import { extractTraceContext, injectTraceContext, tracingActive } from '@handoff/platform-observability';
import { errorMessageOf } from './error-classification';
import type { ConsumedMessage, RecordHeaders } from './kafka-record';

export const KAFKA_TRACER = '@handoff/platform-kafka';

/** Messaging semantic-convention attribute names (still "incubating" upstream, hence spelled out). */
const MESSAGING = {
  system: 'messaging.system',
  destination: 'messaging.destination.name',
  partition: 'messaging.destination.partition.id',
  operationType: 'messaging.operation.type',
  messageId: 'messaging.message.id',
  offset: 'messaging.kafka.offset',
  batchCount: 'messaging.batch.message_count',
} as const;

const CHUNK_TRACE = createContextKey('handoff.kafka.chunk-trace');
/** Set inside `withMessageContext`: the active span is then the very message's, the best parent there is. */
const IN_MESSAGE = createContextKey('handoff.kafka.in-message');

/**
 * Adds the trace context an event should carry to `headers`: that of the message whose handling produced it
 * (its own span inside `withMessageContext`; else, in a traced chunk, found by correlation id, since handlers
 * also build events for a whole chunk at once), else the active one. A PRODUCER span (`create <topic>`) marks the moment it was made, and is what consumers link to,
 * so a record stored in an outbox and sent later still continues the trace it was made in.
 */
export function withEventTraceHeaders(topic: string, event: EventEnvelope, headers: RecordHeaders): RecordHeaders {
  if (!tracingActive()) return headers;
  const active = context.active();
  const parent = active.getValue(IN_MESSAGE)
    ? active
    : (ChunkTrace.current()?.contextOfCorrelation(event.correlationId) ?? active);
  const span = trace
    .getTracer(KAFKA_TRACER)
    .startSpan(`create ${topic}`, { kind: SpanKind.PRODUCER, attributes: producerAttributes(topic, event) }, parent);
  span.end();
  return injectTraceContext(headers, trace.setSpan(parent, span));
}

/** Runs a direct send inside a PRODUCER span (`send <topic>`) that ends when the broker acknowledged it. */
export async function inSendSpan<T>(topic: string, count: number, send: () => Promise<T>): Promise<T> {
  if (!tracingActive()) return send();
  const attributes = { [MESSAGING.system]: 'kafka', [MESSAGING.destination]: topic, [MESSAGING.operationType]: 'send' };
  const span = trace.getTracer(KAFKA_TRACER).startSpan(`send ${topic}`, {
    kind: SpanKind.PRODUCER,
    attributes: { ...attributes, [MESSAGING.batchCount]: count },
  });
  return endWhenSettled(span, () => context.with(trace.setSpan(context.active(), span), send));
}

/**
 * The CONSUMER spans of one chunk handed to a handler: one `process <topic>` span per message, each a child of
 * the trace context its record carried. The handler runs in the first message's span; `withMessageContext`
 * switches to each message's own span, and events built for a message's correlation id join its trace.
 */
export class ChunkTrace {
  private constructor(
    private readonly spans: ReadonlyMap<string, Context>,
    private readonly byCorrelation: ReadonlyMap<string, Context>,
    private readonly opened: readonly Span[],
  ) {}

  /** Undefined with tracing off: nothing is created per message then. */
  static start(messages: readonly ConsumedMessage<EventEnvelope>[]): ChunkTrace | undefined {
    if (!tracingActive() || messages.length === 0) return undefined;
    const tracer = trace.getTracer(KAFKA_TRACER);
    const spans = new Map<string, Context>();
    const byCorrelation = new Map<string, Context>();
    const opened: Span[] = [];
    for (const message of messages) {
      const parent = extractTraceContext(message.headers);
      const span = tracer.startSpan(
        `process ${message.topic}`,
        { kind: SpanKind.CONSUMER, attributes: consumerAttributes(message) },
        parent,
      );
      const spanContext = trace.setSpan(parent, span);
      opened.push(span);
      spans.set(positionOf(message), spanContext);
      // The first message of a correlation id is where its trace continues (a request's events share one id).
      if (!byCorrelation.has(message.correlationId)) byCorrelation.set(message.correlationId, spanContext);
    }
    return new ChunkTrace(spans, byCorrelation, opened);
  }

  static current(): ChunkTrace | undefined {
    return context.active().getValue(CHUNK_TRACE) as ChunkTrace | undefined;
  }

  /** Runs the chunk's handler in the first message's span; all spans end with its outcome. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const first = [...this.spans.values()][0];
    return endWhenSettled(this.opened, () => context.with(first.setValue(CHUNK_TRACE, this), work));
  }

  contextOf(message: ConsumedMessage<unknown>): Context | undefined {
    const found = this.spans.get(positionOf(message));
    return found?.setValue(CHUNK_TRACE, this).setValue(IN_MESSAGE, true);
  }

  contextOfCorrelation(correlationId: string): Context | undefined {
    return this.byCorrelation.get(correlationId);
  }
}

/** Runs `work` in the message's own CONSUMER span when its chunk is traced; as is otherwise. */
export function inMessageSpan<T>(message: ConsumedMessage<unknown>, work: () => T): T {
  const found = tracingActive() ? ChunkTrace.current()?.contextOf(message) : undefined;
  return found ? context.with(found, work) : work();
}

async function endWhenSettled<T>(spans: Span | readonly Span[], work: () => Promise<T>): Promise<T> {
  const all = Array.isArray(spans) ? spans : [spans as Span];
  try {
    return await work();
  } catch (error) {
    for (const span of all) span.setStatus({ code: SpanStatusCode.ERROR, message: errorMessageOf(error) });
    throw error;
  } finally {
    for (const span of all) span.end();
  }
}

function positionOf(message: ConsumedMessage<unknown>): string {
  return `${message.partition}:${message.offset}`;
}

function producerAttributes(topic: string, event: EventEnvelope) {
  return {
    [MESSAGING.system]: 'kafka',
    [MESSAGING.destination]: topic,
    [MESSAGING.operationType]: 'create',
    [MESSAGING.messageId]: event.eventId,
  };
}

function consumerAttributes(message: ConsumedMessage<EventEnvelope>) {
  return {
    [MESSAGING.system]: 'kafka',
    [MESSAGING.destination]: message.topic,
    [MESSAGING.partition]: String(message.partition),
    [MESSAGING.operationType]: 'process',
    [MESSAGING.offset]: Number(message.offset),
    [MESSAGING.messageId]: message.value.eventId,
  };
}
