import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { decodeEventJson, type EventEnvelope } from '@handoff/contracts';
import { CORRELATION_ID_HEADER, CorrelationContext } from '@handoff/platform-observability';
import { backoffDelayMs, type BackoffPolicy } from './backoff';
import { deadLetterRecord, type FailureDetails } from './dead-letter';
import {
  classifyError,
  errorClassOf,
  errorMessageOf,
  type ErrorClassifier,
  type ErrorKind,
} from './error-classification';
import type { KafkaMetrics } from './kafka.metrics';
import { ChunkTrace } from './kafka-tracing';
import type { ConsumedMessage, FetchedMessage, RawRecord } from './kafka-record';
import type { TopicSubscription } from './topic-subscription';

/** One fetched batch of a single partition, already free of client types. */
export interface PartitionBatch {
  topic: string;
  partition: number;
  highWatermark: string;
  messages: FetchedMessage[];
}

/** What processing needs from the client while it works through one batch. */
export interface PartitionControl {
  /** False once the consumer is stopping or lost the partition: start nothing new. */
  isRunning(): boolean;
  heartbeat(): Promise<void>;
  /** Marks everything up to and including `lastOffset` as done and commits it. */
  commit(lastOffset: string): Promise<void>;
}

export interface PartitionProcessorOptions {
  chunkSize: number;
  backoff: BackoffPolicy;
  /** Longest sleep between two heartbeats (and stop checks) while waiting to retry. */
  waitSliceMs: number;
  /** How long a record is retried for an unclassified error before it is dead-lettered. */
  retryBudgetMs: number;
  /** Milliseconds clock the retry budget is measured with; injectable for tests. */
  now?: () => number;
}

interface Entry {
  raw: FetchedMessage;
  message: ConsumedMessage<EventEnvelope>;
}

type DeadLetterKind = Exclude<ErrorKind, 'transient'>;

type Outcome =
  | { kind: 'done' }
  | { kind: 'failed'; error: unknown; attempts: number; errorKind: DeadLetterKind; budgetStartedAt?: number }
  | { kind: 'stopped' };

/**
 * Works through a partition's batch chunk by chunk, strictly in offset order. A chunk is committed
 * only once every message in it was handled or dead-lettered. A poison failure is dead-lettered at
 * once; a transient one holds the partition and retries until it succeeds or the consumer stops; an
 * unclassified one retries within the retry budget, then is dead-lettered loudly.
 */
export class PartitionProcessor {
  private readonly logger = new Logger(PartitionProcessor.name);

  constructor(
    private readonly subscription: TopicSubscription,
    private readonly deadLetter: (records: RawRecord[]) => Promise<void>,
    private readonly metrics: KafkaMetrics,
    private readonly options: PartitionProcessorOptions,
  ) {}

  async process(batch: PartitionBatch, control: PartitionControl): Promise<void> {
    for (const chunk of chunksOf(batch.messages, this.options.chunkSize)) {
      if (!control.isRunning()) return;
      const completed = await this.processChunk(chunk, control);
      if (!completed) return;
      const lastOffset = chunk[chunk.length - 1].offset;
      await control.commit(lastOffset);
      await control.heartbeat();
    }
  }

  private async processChunk(chunk: FetchedMessage[], control: PartitionControl): Promise<boolean> {
    const entries: Entry[] = [];
    for (const raw of chunk) {
      const decoded = this.decode(raw);
      if ('message' in decoded) entries.push({ raw, message: decoded.message });
      else if (!(await this.sendToDeadLetter(raw, { error: decoded.error, attempts: 1, kind: 'poison' }, control)))
        return false;
    }
    return entries.length === 0 || this.handle(entries, control, 0);
  }

  private decode(raw: FetchedMessage): { message: ConsumedMessage<EventEnvelope> } | { error: unknown } {
    try {
      const value = decodeEventJson(this.subscription.contract, raw.value);
      const { topic, partition, offset, headers } = raw;
      const key = raw.key === null ? null : raw.key.toString();
      const correlationId = headers[CORRELATION_ID_HEADER] || value.correlationId;
      return {
        message: {
          value,
          key,
          topic,
          partition,
          offset,
          headers,
          correlationId,
        },
      };
    } catch (error) {
      // The same bytes fail the same way on every attempt, whatever the error.
      return { error };
    }
  }

  /**
   * A failed chunk of several is re-run message by message to find the one to dead-letter. After an
   * exhausted budget the single runs inherit the spent budget: each gets one more try, not a new budget.
   */
  private async handle(
    entries: Entry[],
    control: PartitionControl,
    earlierAttempts: number,
    budgetStartedAt?: number,
  ): Promise<boolean> {
    const outcome = await inChunkContext(entries, () =>
      this.retryInPlace(control, entries.length, () => this.invokeHandler(entries), classifyError, budgetStartedAt),
    );
    if (outcome.kind === 'stopped') return false;
    if (outcome.kind === 'done') {
      this.metrics.consumed.inc({ topic: this.topic, result: 'ok' }, entries.length);
      return true;
    }
    const attempts = earlierAttempts + outcome.attempts;
    if (entries.length === 1) {
      const failure = { error: outcome.error, attempts, kind: outcome.errorKind };
      return this.sendToDeadLetter(entries[0].raw, failure, control);
    }
    for (const entry of entries) {
      if (!(await this.handle([entry], control, attempts, outcome.budgetStartedAt))) return false;
    }
    return true;
  }

  private async invokeHandler(entries: Entry[]): Promise<void> {
    const endTimer = this.metrics.handlerDuration.startTimer({
      topic: this.topic,
    });
    const messages = entries.map((entry) => entry.message);
    const chunkTrace = ChunkTrace.start(messages);
    try {
      await (chunkTrace
        ? chunkTrace.run(() => this.subscription.handle(messages))
        : this.subscription.handle(messages));
    } finally {
      endTimer();
    }
  }

  private sendToDeadLetter(raw: FetchedMessage, failure: Omit<FailureDetails, 'failedAt'>, control: PartitionControl) {
    const { topic, partition, offset } = raw;
    return CorrelationContext.run(raw.headers[CORRELATION_ID_HEADER], { topic, partition, offset }, async () => {
      const record = deadLetterRecord(raw, { ...failure, failedAt: new Date() });
      const publish = () => this.deadLetter([record]);
      const outcome = await this.retryInPlace(control, 1, publish, () => 'transient');
      if (outcome.kind === 'stopped') return false;
      const reason = failure.kind === 'poison' ? 'poison' : 'retry-budget-exhausted';
      this.metrics.consumed.inc({ topic: this.topic, result: 'dlq' });
      this.metrics.deadLettered.inc({ topic: this.topic, reason });
      const entry = {
        msg: `message sent to dead-letter topic (${reason})`,
        ...CorrelationContext.fields(),
        deadLetterTopic: record.topic,
        reason,
        errorClass: errorClassOf(failure.error),
        error: errorMessageOf(failure.error),
        attempts: failure.attempts,
      };
      // A poison record is expected now and then; an exhausted budget means an error nobody classified.
      if (reason === 'poison') this.logger.warn(entry);
      else this.logger.error(entry);
      return true;
    });
  }

  /**
   * Runs `operation` until it succeeds, fails with a poison error, fails with an unclassified error
   * after the retry budget (counted from `budgetStartedAt`, or from its first unclassified failure)
   * is spent, or the consumer stops.
   */
  private async retryInPlace(
    control: PartitionControl,
    messageCount: number,
    operation: () => Promise<void>,
    classify: ErrorClassifier,
    budgetStartedAt?: number,
  ): Promise<Outcome> {
    let startedAt = budgetStartedAt;
    for (let attempt = 1; ; attempt++) {
      try {
        await operation();
        return { kind: 'done' };
      } catch (error) {
        const errorKind = classify(error);
        if (errorKind === 'poison') return { kind: 'failed', error, attempts: attempt, errorKind };
        if (errorKind === 'unclassified') {
          startedAt ??= this.now();
          if (this.now() - startedAt >= this.options.retryBudgetMs) {
            return { kind: 'failed', error, attempts: attempt, errorKind, budgetStartedAt: startedAt };
          }
        }
        const delayMs = backoffDelayMs(attempt, this.options.backoff);
        this.metrics.consumed.inc({ topic: this.topic, result: 'retry' }, messageCount);
        this.logger.warn({
          msg: `${errorKind} failure, retrying in place`,
          ...CorrelationContext.fields(),
          attempt,
          delayMs,
          errorClass: errorClassOf(error),
          error: errorMessageOf(error),
        });
        if (!(await this.waitWhileRunning(delayMs, control))) return { kind: 'stopped' };
      }
    }
  }

  /** Heartbeats while waiting so a long backoff does not cost the partition; false if stopping. */
  private async waitWhileRunning(delayMs: number, control: PartitionControl): Promise<boolean> {
    const until = Date.now() + delayMs;
    while (control.isRunning() && Date.now() < until) {
      await sleep(Math.min(this.options.waitSliceMs, until - Date.now()));
      await control.heartbeat();
    }
    return control.isRunning();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private get topic(): string {
    return this.subscription.contract.name;
  }
}

/** Logs of a chunk carry its first message's correlation id and the offsets it spans. */
function inChunkContext<T>(entries: Entry[], work: () => T): T {
  const first = entries[0].message;
  const lastOffset = entries[entries.length - 1].message.offset;
  const fields = {
    topic: first.topic,
    partition: first.partition,
    offset: first.offset,
  };
  return CorrelationContext.run(
    first.correlationId,
    entries.length === 1 ? fields : { ...fields, lastOffset, messages: entries.length },
    work,
  );
}

export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
