import { performance } from 'node:perf_hooks';
import { Kafka, logLevel, Partitioners, type Producer, type TopicMessages } from 'kafkajs';
import { runOpenLoop } from '@handoff/testing';
import type { OutcomeRecord } from './quota-events';

const RECORDS_PER_SEND = 500;
const ALL_IN_SYNC_REPLICAS = -1;

/** Records when each record was handed to the producer (performance.now(), the clock arrivals are read on). */
export type SentClock = (eventId: string, sentAt: number) => void;

/** Publishes quota's inputs as the sales systems and routing would: keyed as each contract says, acks from all. */
export class OutcomePublisher {
  private constructor(private readonly producer: Producer) {}

  static async connect(brokers: string[]): Promise<OutcomePublisher> {
    const kafka = new Kafka({ clientId: 'bench-quota-publisher', brokers, logLevel: logLevel.WARN });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    return new OutcomePublisher(producer);
  }

  /** As fast as the producer goes: slices of the three topics' records sent one after another. */
  async burst(records: readonly OutcomeRecord[], sent?: SentClock): Promise<void> {
    for (let start = 0; start < records.length; start += RECORDS_PER_SEND) {
      const slice = records.slice(start, start + RECORDS_PER_SEND);
      const sentAt = performance.now();
      for (const record of slice) sent?.(record.eventId, sentAt);
      await this.send(slice);
    }
  }

  /** One record at a time on a fixed schedule (open loop: a slow consumer never slows the publisher down). */
  async atRate(records: readonly OutcomeRecord[], perSecond: number, sent: SentClock, signal: AbortSignal) {
    const result = await runOpenLoop(
      perSecond,
      records.length / perSecond,
      1,
      (index) => {
        sent(records[index].eventId, performance.now());
        return this.send([records[index]]).then(
          () => ({ acceptedEvents: 1 }),
          (error: Error) => ({ acceptedEvents: 0, failure: error.name, detail: error.message }),
        );
      },
      signal,
    );
    if (result.acceptedEvents !== records.length) {
      const [failure, detail] = [...result.failureSamples][0] ?? ['interrupted', ''];
      throw new Error(`published ${result.acceptedEvents} of ${records.length}: ${failure} ${detail}`);
    }
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }

  private async send(records: readonly OutcomeRecord[]): Promise<void> {
    const byTopic = new Map<string, TopicMessages>();
    for (const { topic, key, value, headers } of records) {
      const batch = byTopic.get(topic) ?? { topic, messages: [] };
      batch.messages.push({ key, value, headers });
      byTopic.set(topic, batch);
    }
    await this.producer.sendBatch({ acks: ALL_IN_SYNC_REPLICAS, topicMessages: [...byTopic.values()] });
  }
}
