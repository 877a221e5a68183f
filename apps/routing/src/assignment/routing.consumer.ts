import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Topics } from '@handoff/contracts';
import { BatchConsumerFactory, onTopic } from '@handoff/platform-kafka';
import { RoutingConfig } from '../app/routing.config';
import { RoutingBatch } from './routing-batch.service';

/**
 * One consumer group over routing's inputs: qualifications (v2, which carries the profile summary a rep reads),
 * sales outcomes and quota's capacity figures. Invalid records never reach the handlers (the platform
 * dead-letters them); a poison chunk is re-run message by message and only the culprit is dead-lettered.
 */
@Injectable()
export class RoutingConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: BatchConsumerFactory,
    private readonly batch: RoutingBatch,
    private readonly config: RoutingConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.ROUTING_CONSUMERS_ENABLED) return;
    const consumer = this.consumers.create({
      groupId: this.config.ROUTING_CONSUMER_GROUP_ID,
      chunkSize: this.config.ROUTING_CHUNK_SIZE,
      partitionsConsumedConcurrently: this.config.ROUTING_PARTITIONS_CONCURRENTLY,
      subscriptions: [
        onTopic(Topics.leadQualifiedV2, (messages) => this.batch.applyQualifications(messages)),
        onTopic(Topics.salesActivity, (messages) => this.batch.applySalesActivities(messages)),
        onTopic(Topics.repCapacity, (messages) => this.batch.applyCapacities(messages)),
      ],
    });
    await consumer.start();
  }
}
