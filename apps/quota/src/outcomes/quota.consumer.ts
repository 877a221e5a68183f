import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Topics } from '@handoff/contracts';
import { BatchConsumerFactory, onTopic } from '@handoff/platform-kafka';
import { QuotaConfig } from '../app/quota.config';
import { QuotaBatch } from './quota-batch.service';

/**
 * One consumer group over quota's inputs: sales outcomes, the CRM's outcomes and routed leads (for workload).
 * Invalid records never reach the handlers (the platform dead-letters them); a poison chunk is re-run message by
 * message and only the culprit is dead-lettered.
 */
@Injectable()
export class QuotaConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: BatchConsumerFactory,
    private readonly batch: QuotaBatch,
    private readonly config: QuotaConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.QUOTA_CONSUMERS_ENABLED) return;
    const consumer = this.consumers.create({
      groupId: this.config.QUOTA_CONSUMER_GROUP_ID,
      chunkSize: this.config.QUOTA_CHUNK_SIZE,
      partitionsConsumedConcurrently: this.config.QUOTA_PARTITIONS_CONCURRENTLY,
      subscriptions: [
        onTopic(Topics.salesActivity, (messages) => this.batch.applySalesActivities(messages)),
        onTopic(Topics.crmOutcome, (messages) => this.batch.applyCrmOutcomes(messages)),
        onTopic(Topics.leadRouted, (messages) => this.batch.applyRoutedLeads(messages)),
      ],
    });
    await consumer.start();
  }
}
