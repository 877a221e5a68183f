import type { Message, TopicMessages } from 'kafkajs';

/** Sends one produce request and resolves once the broker acknowledged all of it. */
export type SendBatch = (topicMessages: TopicMessages[]) => Promise<void>;

interface PendingSend {
  topicMessages: TopicMessages[];
  bytes: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Below the broker's default message.max.bytes (1 MiB), with room for headers and framing. */
export const DEFAULT_MAX_REQUEST_BYTES = 512 * 1024;

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

  constructor(
    private readonly sendBatch: SendBatch,
    private readonly maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES,
  ) {}

  send(topicMessages: TopicMessages[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ topicMessages, bytes: sizeOf(topicMessages), resolve, reject });
      if (!this.draining) void this.drain();
    });
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
    return this.queue.splice(0, count);
  }
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
