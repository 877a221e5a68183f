import type { EventEnvelope } from './envelope';

export type Constructor<T> = new () => T;

/**
 * Everything a producer or consumer needs to know about one topic. Defined once per topic in
 * `topics.ts`; the Kafka platform library provisions topics and validates events from these.
 */
export interface TopicContract<V extends EventEnvelope = EventEnvelope, K extends object = object> {
  /** `<context>.<event>.v<N>` */
  readonly name: string;
  readonly partitions: number;
  /** Compacted topics keep the latest value per key (e.g. each rep's capacity). */
  readonly compacted: boolean;
  readonly valueType: Constructor<V>;
  readonly keyType: Constructor<K>;
  /** The key a value is published under: the partition key that orders events for one entity. */
  keyOf(value: V): string;
  /** Builds the key object from the wire key, so it can be validated like the value. */
  parseKey(rawKey: string): K;
}

export interface DeadLetterTopic {
  readonly name: string;
  readonly partitions: number;
  readonly source: string;
}

export const dlqNameOf = (topicName: string): string => `${topicName}.dlq`;
