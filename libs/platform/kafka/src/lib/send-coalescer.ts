import type { Message, TopicMessages } from 'kafkajs';

/** Sends one produce request and resolves once the broker acknowledged all of it. */
export type SendBatch = (topicMessages: TopicMessages[]) => Promise<void>;

interface PendingSend {
  topicMessages: TopicMessages[];
  bytes: number;
  messages: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Below the broker's default message.max.bytes (1 MiB), with room for headers and framing. */
export const DEFAULT_MAX_REQUEST_BYTES = 512 * 1024;

export interface SendCoalescerOptions {
  /** Largest combined request (keys and values); a single larger send still goes alone. */
  maxRequestBytes?: number;
  /** Most messages waiting behind the request in flight; a send that would pass it is refused at once. */
  maxQueuedMessages?: number;
  /** Most key and value bytes waiting behind the request in flight; same rule. */
  maxQueuedBytes?: number;
}

/** About 20 full ingest batches (2,500 events, 500 KB each) waiting: seconds of work for one producer. */
export const DEFAULT_MAX_QUEUED_MESSAGES = 50_000;
export const DEFAULT_MAX_QUEUED_BYTES = 16 * 1024 * 1024;

/**
 * The producer is so far behind that more waiting sends would only grow memory and latency: the caller
 * should shed the load (ingest answers 503 with Retry-After) and retry. Nothing of the refused send was sent.
 */
export class ProducerBackpressureError extends Error {
  readonly code = 'PRODUCER_QUEUE_FULL';

  constructor(queuedMessages: number, queuedBytes: number) {
    super(`producer queue full (${queuedMessages} messages, ${queuedBytes} bytes waiting); retry later`);
    this.name = 'ProducerBackpressureError';
  }
}

/**
 * The idempotent producer has one request in flight at a time, so concurrent callers (one per HTTP
 * request in ingest) would wait for each other's round trips. Sends that arrive while a request is in
 * flight are combined into the next request, in arrival order (so per-key order holds); every caller
 * still resolves only after the broker acknowledged its records, and a failed request rejects every
 * caller in it.
 */
export class SendCoalescer {
  private readonly queue: PendingSend[] = [];
  private draining = false;
  private queuedMessages = 0;
  private queuedBytes = 0;
  private readonly maxRequestBytes: number;
  private readonly maxQueuedMessages: number;
  private readonly maxQueuedBytes: number;

  constructor(
    private readonly sendBatch: SendBatch,
    options: SendCoalescerOptions = {},
  ) {
    this.maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
    this.maxQueuedMessages = options.maxQueuedMessages ?? DEFAULT_MAX_QUEUED_MESSAGES;
    this.maxQueuedBytes = options.maxQueuedBytes ?? DEFAULT_MAX_QUEUED_BYTES;
  }

  /** Rejects at once with ProducerBackpressureError when the waiting sends are already at the bound. */
  send(topicMessages: TopicMessages[]): Promise<void> {
    const pending = { topicMessages, bytes: sizeOf(topicMessages), messages: countOf(topicMessages) };
    if (this.wouldOverflow(pending)) {
      return Promise.reject(new ProducerBackpressureError(this.queuedMessages, this.queuedBytes));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ ...pending, resolve, reject });
      this.queuedMessages += pending.messages;
      this.queuedBytes += pending.bytes;
      if (!this.draining) void this.drain();
    });
  }

  /** An empty queue takes any send, so one send larger than the bound is not refused forever. */
  private wouldOverflow({ bytes, messages }: { bytes: number; messages: number }): boolean {
    if (this.queue.length === 0) return false;
    return this.queuedMessages + messages > this.maxQueuedMessages || this.queuedBytes + bytes > this.maxQueuedBytes;
  }

  private async drain(): Promise<void> {
    this.draining = true;
    while (this.queue.length > 0) {
      const request = this.nextRequest();
      try {
        await this.sendBatch(mergeByTopic(request.flatMap((pending) => pending.topicMessages)));
        for (const pending of request) pending.resolve();
      } catch (error) {
        for (const pending of request) pending.reject(error);
      }
    }
    this.draining = false;
  }

  /** The oldest waiting sends that fit in one request (always at least one). */
  private nextRequest(): PendingSend[] {
    let bytes = 0;
    let count = 0;
    while (count < this.queue.length && (count === 0 || bytes + this.queue[count].bytes <= this.maxRequestBytes)) {
      bytes += this.queue[count].bytes;
      count += 1;
    }
    const request = this.queue.splice(0, count);
    this.queuedBytes -= bytes;
    this.queuedMessages -= request.reduce((sum, pending) => sum + pending.messages, 0);
    return request;
  }
}

function countOf(topicMessages: TopicMessages[]): number {
  return topicMessages.reduce((total, { messages }) => total + messages.length, 0);
}

function sizeOf(topicMessages: TopicMessages[]): number {
  return topicMessages.reduce(
    (total, { messages }) => total + messages.reduce((sum, message) => sum + messageBytes(message), 0),
    0,
  );
}

function messageBytes({ key, value }: Message): number {
  const length = (part: Message['key'] | Message['value']) =>
    part === null || part === undefined ? 0 : typeof part === 'string' ? Buffer.byteLength(part) : part.length;
  return length(key) + length(value);
}

/** One entry per topic, messages in the order they were queued. */
function mergeByTopic(topicMessages: TopicMessages[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const { topic, messages } of topicMessages) byTopic.set(topic, [...(byTopic.get(topic) ?? []), ...messages]);
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
