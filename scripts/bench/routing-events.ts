import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { encodeEvent, exampleEvents, Topics } from '@handoff/contracts';
import { eventHeaders, type RecordHeaders } from '@handoff/platform-kafka';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { runOpenLoop } from '@handoff/testing';

const MESSAGES_PER_SEND = 500;
const ALL_IN_SYNC_REPLICAS = -1;
const COUNTRIES = ['DE', 'US', 'GB', 'BR', 'IN', 'AU', 'SG', 'FR'];
/** Under the shipped rules' 1,000-employee line, so every lead goes to the `inbound` pool. */
const MAX_EMPLOYEES = 999;

/** One lead.qualified.v2 record, validated against its contract and encoded once, before any timing. */
export interface QualifiedRecord {
  qualificationId: string;
  key: string;
  value: string;
  headers: RecordHeaders;
}

/** `count` valid qualifications of fresh leads, each with its own event (= qualification) id. */
export function qualifiedRecords(count: number): QualifiedRecord[] {
  const now = new Date().toISOString();
  return Array.from({ length: count }, (_, index) => {
    const base = exampleEvents.leadQualifiedV2({ leadId: randomUUID(), occurredAt: now, qualifiedAt: now });
    const event = {
      ...base,
      profile: {
        ...base.profile,
        country: COUNTRIES[index % COUNTRIES.length],
        region: undefined,
        postalCode: undefined,
        employeeCount: 10 + (index % (MAX_EMPLOYEES - 9)),
      },
    };
    const { key, value } = encodeEvent(Topics.leadQualifiedV2, event);
    return { qualificationId: event.eventId, key, value, headers: eventHeaders(event) };
  });
}

/** Records when each record was handed to the producer (performance.now(), the clock arrivals are read on). */
export type SentClock = (qualificationId: string, sentAt: number) => void;

/** Publishes the bench's records as an upstream service would: keyed by lead, the Java client's partitioner. */
export class LeadPublisher {
  private constructor(private readonly producer: Producer) {}

  static async connect(brokers: string[]): Promise<LeadPublisher> {
    const kafka = new Kafka({ clientId: 'bench-routing-publisher', brokers, logLevel: logLevel.WARN });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    return new LeadPublisher(producer);
  }

  /** As fast as the producer goes: slices sent one after another, each record timed at its slice's send. */
  async burst(topic: string, records: readonly QualifiedRecord[], sent: SentClock): Promise<void> {
    for (let start = 0; start < records.length; start += MESSAGES_PER_SEND) {
      const slice = records.slice(start, start + MESSAGES_PER_SEND);
      const sentAt = performance.now();
      for (const record of slice) sent(record.qualificationId, sentAt);
      await this.send(topic, slice);
    }
  }

  /** One record at a time on a fixed schedule (open loop: a slow consumer never slows the publisher down). */
  async atRate(
    topic: string,
    records: readonly QualifiedRecord[],
    perSecond: number,
    sent: SentClock,
    signal?: AbortSignal,
  ): Promise<void> {
    const result = await runOpenLoop(
      perSecond,
      records.length / perSecond,
      1,
      (index) => {
        const record = records[index];
        sent(record.qualificationId, performance.now());
        return this.send(topic, [record]).then(
          () => ({ acceptedEvents: 1 }),
          (error: Error) => ({ acceptedEvents: 0, failure: error.name, detail: error.message }),
        );
      },
      signal,
    );
    if (result.acceptedEvents !== records.length) {
      const [failure, detail] = [...result.failureSamples][0] ?? ['interrupted', ''];
      throw new Error(`published ${result.acceptedEvents} of ${records.length} to ${topic}: ${failure} ${detail}`);
    }
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }

  private async send(topic: string, records: readonly QualifiedRecord[]): Promise<void> {
    await this.producer.send({
      topic,
      acks: ALL_IN_SYNC_REPLICAS,
      messages: records.map(({ key, value, headers }) => ({ key, value, headers })),
    });
  }
}
