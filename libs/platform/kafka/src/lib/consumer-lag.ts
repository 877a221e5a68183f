import { Logger } from '@nestjs/common';
import type { Admin } from 'kafkajs';
import type { KafkaMetrics } from './kafka.metrics';

/** Partitions per topic, as a group member's assignment lists them. */
export type PartitionAssignment = Record<string, readonly number[]>;

export interface PartitionWatermark {
  partition: number;
  /** The offset the next record written will get. */
  high: string;
  /** The first offset still on the broker (older ones were deleted by retention). */
  low: string;
}

export interface CommittedOffset {
  partition: number;
  /** The next offset the group will read; `-1` when the group never committed on this partition. */
  offset: string;
}

export interface PartitionLag {
  partition: number;
  records: number;
}

export const DEFAULT_LAG_INTERVAL_MS = 15_000;

/**
 * Records between where the group resumes and the end of each owned partition. A group without a commit (or with
 * one older than retention kept) resumes at the log start, since consumers start from the beginning.
 */
export function partitionLags(
  owned: readonly number[],
  watermarks: readonly PartitionWatermark[],
  committed: readonly CommittedOffset[],
): PartitionLag[] {
  return owned.flatMap((partition) => {
    const watermark = watermarks.find((w) => w.partition === partition);
    if (!watermark) return [];
    const low = BigInt(watermark.low);
    const commit = committed.find((c) => c.partition === partition);
    const resumeAt = commit && BigInt(commit.offset) > low ? BigInt(commit.offset) : low;
    const lag = BigInt(watermark.high) - resumeAt;
    return [{ partition, records: Number(lag > 0n ? lag : 0n) }];
  });
}

/**
 * Keeps `handoff_kafka_consumer_lag_records` current for the partitions one group member owns: every interval it
 * reads the brokers' high watermarks and the group's committed offsets, so lag shows even while nothing is
 * committed (a stuck handler, a crashed replica's partitions not yet reassigned). Label sets of partitions the
 * member no longer owns are removed at each rebalance, so two replicas never report the same partition.
 */
export class ConsumerLagMonitor {
  private readonly logger = new Logger(ConsumerLagMonitor.name);
  private owned: PartitionAssignment = {};
  private timer: NodeJS.Timeout | undefined;
  private admin: Admin | undefined;
  private refreshing: Promise<void> | undefined;
  private failing = false;

  constructor(
    private readonly groupId: string,
    private readonly createAdmin: () => Admin,
    private readonly metrics: KafkaMetrics,
    private readonly intervalMs: number = DEFAULT_LAG_INTERVAL_MS,
  ) {}

  /** The member's new assignment after a (re)join: series of partitions it lost disappear at once. */
  assigned(assignment: PartitionAssignment): void {
    for (const [topic, partitions] of Object.entries(this.owned)) {
      for (const partition of partitions) {
        if (!assignment[topic]?.includes(partition)) this.removeSeries(topic, partition);
      }
    }
    this.owned = { ...assignment };
    void this.refresh();
  }

  /** The member left or crashed: it owns nothing any more. */
  unassigned(): void {
    this.assigned({});
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.refresh(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.unassigned();
    await this.refreshing;
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect();
  }

  /** One refresh now (a refresh already running is awaited instead of overlapped). */
  refresh(): Promise<void> {
    this.refreshing ??= this.readLags().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async readLags(): Promise<void> {
    const topics = Object.keys(this.owned).filter((topic) => this.owned[topic].length > 0);
    if (topics.length === 0) return;
    try {
      const admin = await this.connectedAdmin();
      const committed = await admin.fetchOffsets({ groupId: this.groupId, topics });
      for (const { topic, partitions } of committed) {
        const watermarks = await admin.fetchTopicOffsets(topic);
        // The assignment may have changed while the broker answered: only set what is still owned.
        for (const lag of partitionLags(this.owned[topic] ?? [], watermarks, partitions)) {
          this.metrics.consumerLag.set(this.labels(topic, lag.partition), lag.records);
        }
      }
      this.failing = false;
    } catch (error) {
      // Logged once per outage: the previous figures stay until the broker answers again.
      if (!this.failing) {
        this.logger.warn({
          msg: 'could not read consumer lag',
          groupId: this.groupId,
          error: (error as Error).message,
        });
      }
      this.failing = true;
    }
  }

  private async connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.createAdmin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }

  private removeSeries(topic: string, partition: number): void {
    this.metrics.consumerLag.remove(this.labels(topic, partition));
  }

  private labels(topic: string, partition: number) {
    return { group: this.groupId, topic, partition: String(partition) };
  }
}
