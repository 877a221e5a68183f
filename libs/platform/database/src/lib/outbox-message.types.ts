/** A Kafka record as the relay hands it to the sender. `value` is the serialized event, sent verbatim. */
export interface OutboxMessage {
  topic: string;
  key: string | null;
  value: string;
  headers: Record<string, string>;
}

export type NewOutboxMessage = Omit<OutboxMessage, 'headers'> & {
  headers?: Record<string, string>;
};

/**
 * Port implemented by the Kafka library (EventProducer.publishRaw). It must resolve only after the broker
 * acknowledged every record and must keep the given order per topic and key.
 */
export interface OutboxSender {
  send(messages: OutboxMessage[]): Promise<void>;
}
