import { BatchConsumer, type BatchConsumerOptions } from './batch-consumer';
import type { EventProducer } from './event-producer';
import type { KafkaClientFactory } from './kafka-client.factory';
import type { ConsumerDefaults } from './kafka.options';

/**
 * Creates the service's consumers and remembers them, so readiness can ask whether all of them
 * joined their group and shutdown can stop all of them before the producer goes away.
 */
export class BatchConsumerFactory {
  private readonly consumers: BatchConsumer[] = [];

  constructor(
    private readonly client: KafkaClientFactory,
    private readonly deadLetters: EventProducer,
    private readonly defaults: ConsumerDefaults = {},
  ) {}

  /** `options` wins over the service's consumer defaults (KAFKA_CONSUMER_* settings). */
  create(options: BatchConsumerOptions): BatchConsumer {
    const consumer = this.client.createConsumer({ ...this.defaults, ...options }, this.deadLetters);
    this.consumers.push(consumer);
    return consumer;
  }

  all(): readonly BatchConsumer[] {
    return this.consumers;
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
  }
}
