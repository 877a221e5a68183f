import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import type { Admin, ITopicConfig } from 'kafkajs';
import { backoffDelayMs, type BackoffPolicy } from './backoff';
import type { TopicSpec } from './kafka.options';

const SERVING_ATTEMPTS = 20;
const SERVING_BACKOFF: BackoffPolicy = { initialMs: 50, maxMs: 1_000, jitter: 0.2 };

export interface TopicProvisionerOptions {
  replicationFactor: number;
  /** With acks=all, a write succeeds only while this many replicas are in sync; at most the replication factor. */
  minInsyncReplicas: number;
}

/**
 * Creates the topics a deployment needs. Existing topics are left alone: partition counts are never
 * changed here, because adding partitions re-maps keys and breaks per-key ordering; a mismatch is
 * logged for an operator to decide.
 */
export class TopicProvisioner {
  private readonly logger = new Logger(TopicProvisioner.name);

  /** `createAdmin` gives a fresh client per call: a kafkajs admin cannot reconnect once disconnected. */
  constructor(
    private readonly createAdmin: () => Admin,
    private readonly options: TopicProvisionerOptions,
  ) {
    if (options.minInsyncReplicas > options.replicationFactor) {
      // Every acks=all write to such a topic would fail with NOT_ENOUGH_REPLICAS.
      throw new Error(
        `min.insync.replicas (${options.minInsyncReplicas}) exceeds the replication factor (${options.replicationFactor})`,
      );
    }
  }

  /** Returns the names of the topics it created. */
  async ensureTopics(topics: readonly TopicSpec[]): Promise<string[]> {
    const wanted = uniqueByName(topics);
    const admin = this.createAdmin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      await this.warnAboutPartitionMismatches(
        admin,
        wanted.filter((topic) => existing.has(topic.name)),
      );
      const missing = wanted.filter((topic) => !existing.has(topic.name));
      if (missing.length === 0) return [];
      await admin.createTopics({
        topics: missing.map((topic) => this.toConfig(topic)),
        waitForLeaders: true,
      });
      const created = missing.map((topic) => topic.name);
      await this.waitUntilServing(admin, created);
      this.logger.log({ msg: 'kafka topics created', topics: created });
      return created;
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * `waitForLeaders` only waits for the controller's metadata: for a moment after that, a KRaft broker
   * still answers NOT_LEADER to offset requests on a new partition. Whoever provisions next reads
   * offsets or produces, so provisioning ends only once every new topic answers an offset request.
   */
  private async waitUntilServing(admin: Admin, topics: string[]): Promise<void> {
    for (const topic of topics) {
      for (let attempt = 1; ; attempt++) {
        try {
          await admin.fetchTopicOffsets(topic);
          break;
        } catch (error) {
          if (!isRetriable(error) || attempt >= SERVING_ATTEMPTS) throw error;
          await sleep(backoffDelayMs(attempt, SERVING_BACKOFF));
        }
      }
    }
  }

  private async warnAboutPartitionMismatches(admin: Admin, existing: TopicSpec[]): Promise<void> {
    if (existing.length === 0) return;
    const { topics } = await admin.fetchTopicMetadata({
      topics: existing.map((topic) => topic.name),
    });
    const counts = new Map(topics.map((topic) => [topic.name, topic.partitions.length]));
    for (const topic of existing) {
      const actual = counts.get(topic.name);
      if (actual !== topic.partitions) {
        this.logger.warn({
          msg: 'kafka topic partition count differs',
          topic: topic.name,
          expected: topic.partitions,
          actual,
        });
      }
    }
  }

  private toConfig(topic: TopicSpec): ITopicConfig {
    return {
      topic: topic.name,
      numPartitions: topic.partitions,
      replicationFactor: this.options.replicationFactor,
      configEntries: [
        { name: 'min.insync.replicas', value: String(this.options.minInsyncReplicas) },
        ...(topic.compacted ? [{ name: 'cleanup.policy', value: 'compact' }] : []),
      ],
    };
  }
}

function uniqueByName(topics: readonly TopicSpec[]): TopicSpec[] {
  return [...new Map(topics.map((topic) => [topic.name, topic])).values()];
}

function isRetriable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { retriable?: unknown }).retriable === true;
}
