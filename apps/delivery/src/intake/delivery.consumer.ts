import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Topics } from '@handoff/contracts';
import { BatchConsumerFactory, onTopic } from '@handoff/platform-kafka';
import { DeliveryConfig } from '../app/delivery.config';
import { DeliveryIntake } from './delivery-intake';

/** The topics subscriptions can ask for; lead.qualified is served from its current version. */
export const DELIVERY_INPUTS = [Topics.leadRouted, Topics.leadQualifiedV2, Topics.leadScored, Topics.repCapacity];

/** One consumer group over every topic a subscription can ask for; it only queues deliveries. */
@Injectable()
export class DeliveryConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: BatchConsumerFactory,
    private readonly intake: DeliveryIntake,
    private readonly config: DeliveryConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.DELIVERY_CONSUMERS_ENABLED) return;
    const consumer = this.consumers.create({
      groupId: this.config.DELIVERY_CONSUMER_GROUP_ID,
      chunkSize: this.config.DELIVERY_CHUNK_SIZE,
      subscriptions: [
        onTopic(Topics.leadRouted, (messages) => this.intake.enqueue('lead.routed', messages)),
        onTopic(Topics.leadQualifiedV2, (messages) => this.intake.enqueue('lead.qualified', messages)),
        onTopic(Topics.leadScored, (messages) => this.intake.enqueue('lead.scored', messages)),
        onTopic(Topics.repCapacity, (messages) => this.intake.enqueue('rep.capacity', messages)),
      ],
    });
    await consumer.start();
  }
}
