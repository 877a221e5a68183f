import { Logger } from '@nestjs/common';
import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { ConsumerLagMonitor } from './consumer-lag';
import type { EventProducer } from './event-producer';
import type { KafkaMetrics } from './kafka.metrics';
import { toRecordHeaders, type FetchedMessage } from './kafka-record';
import { PartitionProcessor, type PartitionControl } from './partition-processor';
import type { TopicSubscription } from './topic-subscription';

export interface BatchConsumerOptions {
  groupId: string;
  subscriptions: TopicSubscription[];
  /** Messages per handler call, all from one partition. */
  chunkSize?: number;
  /** Partitions handled at the same time; each partition is still handled strictly in order. */
  partitionsConsumedConcurrently?: number;
  backoff?: Partial<BackoffPolicy>;
  /** Where a group without committed offsets starts: the beginning, so nothing published before its first run is lost. */
  fromBeginning?: boolean;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  rebalanceTimeoutMs?: number;
  /** Longest time the broker holds a fetch open when there is nothing new; also bounds how long stop() waits for it. */
  maxWaitTimeMs?: number;
  /** How long a record failing with an unclassified error is retried before it is dead-lettered. */
  retryBudgetMs?: number;
  /** How often the group's lag on the partitions this member owns is read from the broker. */
  lagIntervalMs?: number;
  /** Ends the process once the client crashed for good, so the orchestrator restarts it; injectable for tests. */
  exitProcess?: (code: number) => void;
}

/** A stop() is noticed this fast during a backoff; the client sends a heartbeat at most once per heartbeat interval. */
const RETRY_WAIT_SLICE_MS = 100;

export const CONSUMER_DEFAULTS = {
  chunkSize: 100,
  partitionsConsumedConcurrently: 3,
  fromBeginning: true,
  sessionTimeoutMs: 30_000,
  heartbeatIntervalMs: 3_000,
  rebalanceTimeoutMs: 60_000,
  maxWaitTimeMs: 1_000,
  /** Well beyond a 30 s database outage whose errors nobody classified. */
  retryBudgetMs: 5 * 60_000,
};

/**
 * A consumer group member that hands decoded chunks to per-topic handlers and commits explicitly
 * after each chunk. Create it with `BatchConsumerFactory` (or `KafkaClientFactory`), then `start()`
 * once the application is ready to handle messages.
 */
export class BatchConsumer {
  private readonly logger = new Logger(BatchConsumer.name);
  private readonly processors: Map<string, PartitionProcessor>;
  private joined = false;
  private stopping = false;

  constructor(
    private readonly consumer: Consumer,
    deadLetters: EventProducer,
    metrics: KafkaMetrics,
    private readonly options: BatchConsumerOptions,
    private readonly lag?: ConsumerLagMonitor,
  ) {
    const processorOptions = {
      chunkSize: options.chunkSize ?? CONSUMER_DEFAULTS.chunkSize,
      backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
      waitSliceMs: RETRY_WAIT_SLICE_MS,
      retryBudgetMs: options.retryBudgetMs ?? CONSUMER_DEFAULTS.retryBudgetMs,
    };
    const publish = (records: Parameters<EventProducer['publishRaw']>[0]) => deadLetters.publishRaw(records);
    this.processors = new Map(
      options.subscriptions.map((s) => [
        s.contract.name,
        new PartitionProcessor(s, publish, metrics, processorOptions),
      ]),
    );
    this.trackMembership(metrics);
  }

  get groupId(): string {
    return this.options.groupId;
  }

  /** True between joining the group and stopping or crashing: what readiness reports. */
  isJoined(): boolean {
    return this.joined;
  }

  async start(): Promise<void> {
    this.stopping = false;
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: [...this.processors.keys()],
      fromBeginning: this.options.fromBeginning ?? CONSUMER_DEFAULTS.fromBeginning,
    });
    await this.consumer
      .run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently:
          this.options.partitionsConsumedConcurrently ?? CONSUMER_DEFAULTS.partitionsConsumedConcurrently,
        eachBatch: (payload) => this.handleBatch(payload),
      })
      .catch((error: Error) => {
        this.exitForGood('kafka consumer failed to run', error);
        throw error;
      });
    this.lag?.start();
    this.logger.log({
      msg: 'kafka consumer started',
      groupId: this.groupId,
      topics: [...this.processors.keys()],
    });
  }

  /** Stops fetching, lets the chunk in flight finish and commit, leaves the group and disconnects. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer.disconnect();
    this.joined = false;
    await this.lag?.stop();
    this.logger.log({ msg: 'kafka consumer stopped', groupId: this.groupId });
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const processor = this.processors.get(batch.topic);
    if (!processor) return;
    const messages = batch.messages.map((message) => toFetchedMessage(batch.topic, batch.partition, message));
    await processor.process(
      {
        topic: batch.topic,
        partition: batch.partition,
        highWatermark: batch.highWatermark,
        messages,
      },
      this.controlFor(payload),
    );
  }

  private controlFor(payload: EachBatchPayload): PartitionControl {
    const { topic, partition } = payload.batch;
    return {
      isRunning: () => !this.stopping && payload.isRunning() && !payload.isStale(),
      heartbeat: () => payload.heartbeat(),
      commit: async (lastOffset) => {
        payload.resolveOffset(lastOffset);
        // Explicit offsets through the batch payload: unlike consumer.commitOffsets, this still commits
        // while the consumer is stopping, which is what lets the last chunk in flight be committed.
        const offset = (BigInt(lastOffset) + 1n).toString();
        await payload.commitOffsetsIfNecessary({
          topics: [{ topic, partitions: [{ partition, offset }] }],
        });
      },
    };
  }

  private trackMembership(metrics: KafkaMetrics): void {
    const { events } = this.consumer;
    this.consumer.on(events.GROUP_JOIN, ({ payload }) => {
      this.joined = true;
      metrics.rebalances.inc({ group: payload.groupId });
      this.lag?.assigned(payload.memberAssignment);
      this.logger.log({
        msg: 'kafka consumer joined group',
        groupId: payload.groupId,
        assignment: payload.memberAssignment,
      });
    });
    this.consumer.on(events.CRASH, ({ payload }) => {
      this.joined = false;
      this.lag?.unassigned();
      this.logger.error({
        msg: 'kafka consumer crashed',
        groupId: payload.groupId,
        restart: payload.restart,
        error: payload.error.message,
      });
      // Without a restart the client stays down: a process that lives on would only be forever not-ready.
      if (!payload.restart) this.exitForGood('kafka consumer crashed for good', payload.error);
    });
    this.consumer.on(events.STOP, () => {
      this.joined = false;
      this.lag?.unassigned();
    });
  }

  private exitForGood(msg: string, error: Error): void {
    if (this.stopping) return;
    this.logger.error({
      msg: `${msg}, exiting so the process is restarted`,
      groupId: this.groupId,
      error: error.message,
    });
    (this.options.exitProcess ?? exitProcess)(1);
  }
}

function exitProcess(code: number): void {
  process.exit(code);
}

function toFetchedMessage(topic: string, partition: number, message: KafkaMessage): FetchedMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key ?? null,
    value: message.value,
    headers: toRecordHeaders(message.headers),
  };
}
