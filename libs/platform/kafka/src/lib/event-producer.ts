import { Logger } from '@nestjs/common';
import { encodeEvent, type EventEnvelope, type TopicContract } from '@handoff/contracts';
import { CORRELATION_ID_HEADER } from '@handoff/platform-observability';
import type { Message, Producer, TopicMessages } from 'kafkajs';
import type { KafkaMetrics } from './kafka.metrics';
import { inSendSpan, withEventTraceHeaders } from './kafka-tracing';
import { SendCoalescer, type SendCoalescerOptions } from './send-coalescer';
import {
  CONTENT_TYPE_HEADER,
  EVENT_ID_HEADER,
  JSON_CONTENT_TYPE,
  SCHEMA_VERSION_HEADER,
  type RawRecord,
  type RecordHeaders,
} from './kafka-record';

/** Every produce waits for all in-sync replicas: an event is only "published" once it cannot be lost. */
const ALL_IN_SYNC_REPLICAS = -1;

export function eventHeaders(event: EventEnvelope): RecordHeaders {
  return {
    [CORRELATION_ID_HEADER]: event.correlationId,
    [EVENT_ID_HEADER]: event.eventId,
    [SCHEMA_VERSION_HEADER]: String(event.schemaVersion),
    [CONTENT_TYPE_HEADER]: JSON_CONTENT_TYPE,
  };
}

/**
 * Idempotent producer shared by a service. Each call resolves only after every record of it was
 * acknowledged, so callers can answer their own clients afterwards; calls made while a request is in
 * flight share the next request (SendCoalescer).
 * Create it through `KafkaClientFactory` (or inject it from `KafkaModule`).
 */
export class EventProducer {
  private readonly logger = new Logger(EventProducer.name);
  private connected = false;
  private readonly coalescer: SendCoalescer;

  /** `queue` bounds the sends waiting for the one in flight; past it a publish fails with ProducerBackpressureError. */
  constructor(
    private readonly producer: Producer,
    private readonly metrics: KafkaMetrics,
    queue: SendCoalescerOptions = {},
  ) {
    this.coalescer = new SendCoalescer(
      (topicMessages) => producer.sendBatch({ topicMessages, acks: ALL_IN_SYNC_REPLICAS }).then(() => undefined),
      queue,
    );
    producer.on(producer.events.CONNECT, () => (this.connected = true));
    producer.on(producer.events.DISCONNECT, () => (this.connected = false));
  }

  async connect(): Promise<void> {
    await this.producer.connect();
    this.logger.log({ msg: 'kafka producer connected' });
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }

  isConnected(): boolean {
    return this.connected;
  }

  /** Validates and encodes every event first, so an invalid one fails the call before anything is sent. */
  async publish<V extends EventEnvelope>(contract: TopicContract<V>, events: readonly V[]): Promise<void> {
    if (events.length === 0) return;
    await inSendSpan(contract.name, events.length, async () => {
      const messages = events.map((event) => this.toMessage(contract, event));
      await this.coalescer.send([{ topic: contract.name, messages }]);
    });
    this.metrics.produced.inc({ topic: contract.name }, events.length);
  }

  /** Sends already-encoded records (an outbox, a dead letter) across topics in one request, headers as they are. */
  async publishRaw(records: readonly RawRecord[]): Promise<void> {
    if (records.length === 0) return;
    const topicMessages = groupByTopic(records);
    await this.coalescer.send(topicMessages);
    for (const { topic, messages } of topicMessages) this.metrics.produced.inc({ topic }, messages.length);
  }

  private toMessage<V extends EventEnvelope>(contract: TopicContract<V>, event: V): Message {
    const { key, value } = encodeEvent(contract, event);
    return { key, value, headers: withEventTraceHeaders(contract.name, event, eventHeaders(event)) };
  }
}

/** Keeps the callers' order within each topic, which is what per-key ordering relies on. */
function groupByTopic(records: readonly RawRecord[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const { topic, key, value, headers } of records) {
    const messages = byTopic.get(topic) ?? [];
    messages.push({ key, value, headers });
    byTopic.set(topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
