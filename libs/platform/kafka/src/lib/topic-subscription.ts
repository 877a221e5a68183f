import type { EventEnvelope, TopicContract } from '@handoff/contracts';
import { CorrelationContext } from '@handoff/platform-observability';
import type { ConsumedMessage } from './kafka-record';
import { inMessageSpan } from './kafka-tracing';

/**
 * What a consumer does with one topic. The handler gets a chunk of messages from a single partition,
 * in offset order, so it can write them in one transaction; it must be idempotent (an inbox), because
 * a chunk is handled again after a crash before its commit, and message by message to find a poison one.
 */
export interface TopicSubscription<V extends EventEnvelope = EventEnvelope> {
  contract: TopicContract<V>;
  handle(messages: ConsumedMessage<V>[]): Promise<void>;
}

/** Types the handler's messages from the contract. */
export function onTopic<V extends EventEnvelope>(
  contract: TopicContract<V>,
  handle: (messages: ConsumedMessage<V>[]) => Promise<void>,
): TopicSubscription<V> {
  return { contract, handle };
}

/**
 * Runs `work` with the message's correlation id and position in the log fields (a chunk spans several) and,
 * with tracing on, inside the message's own CONSUMER span, so what it publishes continues the message's trace.
 */
export function withMessageContext<T>(message: ConsumedMessage<unknown>, work: () => T): T {
  const { topic, partition, offset } = message;
  return CorrelationContext.run(message.correlationId, { topic, partition, offset }, () =>
    inMessageSpan(message, work),
  );
}
