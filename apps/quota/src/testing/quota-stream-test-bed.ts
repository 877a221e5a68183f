import { randomUUID } from 'node:crypto';
import {
  type CrmOutcomeV1,
  encodeEvent,
  type EventEnvelope,
  exampleEvents,
  type LeadRoutedV1,
  type RepCapacityV1,
  type TopicContract,
  Topics,
} from '@handoff/contracts';
import { fiscalPeriodOf } from '@handoff/domain-quota';
import { dropSchema, startTestGroupAtEnd, TopicReader, TopicWriter, uniqueName } from '@handoff/testing';
import type { DataSource } from 'typeorm';
import { prepareQuotaEnv } from './quota-test-app';

export const QUOTA_INPUTS = [Topics.salesActivity, Topics.crmOutcome, Topics.leadRouted];
const CALENDAR = { fiscalYearStartMonth: 1, timeZone: 'UTC' };

/**
 * Quota with its consumers on, over the real broker and database: a schema and consumer group of its own, the
 * group started at the end of the shared input topics (so it applies only what the test publishes), and a reader
 * of rep.capacity.v1 from now on.
 */
export class QuotaStreamTestBed {
  readonly schema = uniqueName('quota_int');
  readonly groupId = uniqueName('quota_int');
  reader!: TopicReader;
  private writer!: TopicWriter;

  constructor(env: Record<string, string> = {}) {
    prepareQuotaEnv({
      DATABASE_SCHEMA: this.schema,
      QUOTA_CONSUMER_GROUP_ID: this.groupId,
      QUOTA_CONSUMERS_ENABLED: 'true',
      QUOTA_FISCAL_YEAR_START_MONTH: String(CALENDAR.fiscalYearStartMonth),
      QUOTA_TIME_ZONE: CALENDAR.timeZone,
      ...env,
    });
  }

  async start(): Promise<void> {
    await startTestGroupAtEnd(this.groupId, QUOTA_INPUTS);
    this.reader = await TopicReader.startAtEnd([Topics.repCapacity.name]);
    this.writer = await TopicWriter.connect();
  }

  async stop(): Promise<void> {
    await this.reader?.stop();
    await this.writer?.disconnect();
    await dropSchema(this.schema);
  }

  async publish<V extends EventEnvelope>(contract: TopicContract<V>, ...events: V[]): Promise<void> {
    for (const event of events) {
      const { key, value } = encodeEvent(contract, event);
      await this.writer.write(contract.name, { key, value });
    }
  }

  crm(repId: string, overrides: Partial<CrmOutcomeV1>): CrmOutcomeV1 {
    return exampleEvents.crmOutcome({
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      repId,
      leadId: undefined,
      ...overrides,
    });
  }

  routed(repId: string, leadId: string = randomUUID()): LeadRoutedV1 {
    return exampleEvents.leadRouted({
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      leadId,
      assignmentId: randomUUID(),
      qualificationId: randomUUID(),
      repId,
    });
  }

  /** The rep's revenue quota for the quarter holding `at` (now by default), written straight to the table. */
  async seedQuota(
    dataSource: DataSource,
    repId: string,
    amount: number,
    at = new Date().toISOString(),
  ): Promise<string> {
    const period = fiscalPeriodOf(CALENDAR, 'quarter', at);
    const id = `${repId}-${period.id}`;
    await dataSource.query(
      `INSERT INTO "${this.schema}".quotas (id, owner_kind, owner_id, period_id, period_kind, period_start, period_end,
         targets, curve) VALUES ($1, 'rep', $2, $3, 'quarter', $4, $5, $6, '"linear"')`,
      [id, repId, period.id, period.start, period.end, JSON.stringify({ revenue: { amount, currency: 'EUR' } })],
    );
    return period.id;
  }

  capacitiesOf(repId: string): RepCapacityV1[] {
    return this.reader.values<RepCapacityV1>(Topics.repCapacity.name, (event) => event.repId === repId);
  }

  /** Waits for a capacity record of the rep that satisfies `match` and answers it. */
  async capacityWhere(repId: string, match: (event: RepCapacityV1) => boolean): Promise<RepCapacityV1> {
    const [event] = await this.reader.waitForValues<RepCapacityV1>(
      Topics.repCapacity.name,
      (value) => value.repId === repId && match(value),
      1,
    );
    return event;
  }
}
