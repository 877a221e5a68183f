import { randomUUID } from 'node:crypto';
import {
  encodeEvent,
  type EventEnvelope,
  exampleEvents,
  type LeadRoutedV1,
  type TopicContract,
} from '@handoff/contracts';
import { dropSchema, startTestGroupAtEnd, TopicWriter, uniqueName } from '@handoff/testing';
import { DELIVERY_INPUTS } from '../intake/delivery.consumer';
import { prepareDeliveryEnv } from './delivery-test-app';

/**
 * Delivery with its consumer and dispatcher on, over the real broker and database: a schema and consumer group of
 * its own, the group started at the end of the shared topics (so it queues only what the test publishes), retries
 * in milliseconds and loopback receivers allowed.
 */
export class DeliveryStreamTestBed {
  readonly schema = uniqueName('delivery_int');
  readonly groupId = uniqueName('delivery_int');
  private writer!: TopicWriter;

  constructor(env: Record<string, string> = {}) {
    prepareDeliveryEnv({
      DATABASE_SCHEMA: this.schema,
      DELIVERY_CONSUMER_GROUP_ID: this.groupId,
      DELIVERY_CONSUMERS_ENABLED: 'true',
      DELIVERY_DISPATCH_ENABLED: 'true',
      DELIVERY_DISPATCH_INTERVAL_MS: '50',
      DELIVERY_RETRY_BASE_MS: '20',
      DELIVERY_TIMEOUT_MS: '2000',
      DELIVERY_ALLOW_PRIVATE_TARGETS: 'true',
      ...env,
    });
  }

  async start(): Promise<void> {
    await startTestGroupAtEnd(this.groupId, DELIVERY_INPUTS);
    this.writer = await TopicWriter.connect();
  }

  async stop(): Promise<void> {
    await this.writer?.disconnect();
    await dropSchema(this.schema);
  }

  async publish<V extends EventEnvelope>(contract: TopicContract<V>, ...events: V[]): Promise<void> {
    for (const event of events) {
      const { key, value } = encodeEvent(contract, event);
      await this.writer.write(contract.name, { key, value });
    }
  }

  routed(overrides: Partial<LeadRoutedV1> = {}): LeadRoutedV1 {
    return exampleEvents.leadRouted({
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      leadId: randomUUID(),
      assignmentId: randomUUID(),
      qualificationId: randomUUID(),
      ...overrides,
    });
  }
}
