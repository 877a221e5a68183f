import { randomUUID } from 'node:crypto';
import { EventEnvelope, type TopicContract } from '@handoff/contracts';
import { IsInt, IsString, Min } from 'class-validator';
import type { ConsumedMessage } from '../lib/kafka-record';

/** A tiny event for tests, so they do not depend on the real contracts. */
export class TestEvent extends EventEnvelope {
  @IsString()
  entityId!: string;

  @IsInt()
  @Min(0)
  sequence!: number;
}

export class TestKey {
  @IsString()
  entityId!: string;
}

export function testTopic(name: string, partitions = 3): TopicContract<TestEvent, TestKey> {
  return {
    name,
    partitions,
    compacted: false,
    valueType: TestEvent,
    keyType: TestKey,
    keyOf: (event) => event.entityId,
    parseKey: (rawKey) => Object.assign(new TestKey(), { entityId: rawKey }),
  };
}

export function testEvent(
  entityId: string,
  sequence: number,
  correlationId = `corr-${entityId}-${sequence}`,
): TestEvent {
  return Object.assign(new TestEvent(), {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
    correlationId,
    entityId,
    sequence,
  });
}

/** `value` as a consumer receives it from `topic`, at `offset` of `partition`. */
export function consumedTestEvent(
  topic: string,
  value: TestEvent,
  offset: number,
  partition = 0,
): ConsumedMessage<TestEvent> {
  return {
    value,
    key: value.entityId,
    topic,
    partition,
    offset: String(offset),
    headers: {},
    correlationId: value.correlationId,
  };
}

/** A unique suffix so every run uses topics and groups no earlier run touched. */
export const runId = (): string => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
