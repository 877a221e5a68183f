import { encodeEvent, type EventEnvelope, type TopicContract } from '@handoff/contracts';
import type { NewOutboxMessage } from '@handoff/platform-database';
import { eventHeaders } from './event-producer';
import { withEventTraceHeaders } from './kafka-tracing';

/**
 * The outbox row that publishes `event` on the contract's topic, with the key and headers a direct publish
 * would carry, trace context included. The event is validated here, so a service cannot store an event its consumers would reject.
 */
export function outboxMessageOf<V extends EventEnvelope>(contract: TopicContract<V>, event: V): NewOutboxMessage {
  const { key, value } = encodeEvent(contract, event);
  return {
    topic: contract.name,
    key,
    value,
    headers: withEventTraceHeaders(contract.name, event, eventHeaders(event)),
  };
}
