import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Topics } from '@handoff/contracts';
import { BatchConsumerFactory, onTopic } from '@handoff/platform-kafka';
import { ScoringConfig } from '../app/scoring.config';
import { ScoringBatch } from './scoring-batch.service';

/**
 * One consumer group over the three lead-keyed inputs. Invalid records never reach the handlers (the platform
 * dead-letters them); a poison chunk is re-run message by message and only the culprit is dead-lettered.
 */
@Injectable()
export class ScoringConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: BatchConsumerFactory,
    private readonly batch: ScoringBatch,
    private readonly config: ScoringConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.SCORING_CONSUMERS_ENABLED) return;
    const consumer = this.consumers.create({
      groupId: this.config.SCORING_CONSUMER_GROUP_ID,
      chunkSize: this.config.SCORING_CHUNK_SIZE,
      partitionsConsumedConcurrently: this.config.SCORING_PARTITIONS_CONCURRENTLY,
      subscriptions: [
        onTopic(Topics.engagementRecorded, (messages) => this.batch.applyEngagements(messages)),
        onTopic(Topics.leadMerged, (messages) => this.batch.applyMerges(messages)),
        onTopic(Topics.salesActivity, (messages) => this.batch.applySalesActivities(messages)),
      ],
    });
    await consumer.start();
  }
}
