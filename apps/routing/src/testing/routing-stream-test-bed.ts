import { randomUUID } from 'node:crypto';
import {
  type EventEnvelope,
  encodeEvent,
  exampleEvents,
  type LeadQualifiedV2,
  type LeadRoutedV1,
  type TopicContract,
  Topics,
} from '@handoff/contracts';
import { eventHeaders } from '@handoff/platform-kafka';
import {
  dropSchema,
  startTestGroupAtEnd,
  TEST_KAFKA_BROKERS,
  TopicReader,
  uniqueName,
  waitFor,
} from '@handoff/testing';
import { type Admin, Kafka, logLevel, type Producer } from 'kafkajs';
import { NEXT_YEAR, repBody } from './directory-fixtures';
import { prepareRoutingEnv, type RoutingTestApp } from './routing-test-app';

export const ROUTING_INPUTS = [Topics.leadQualifiedV2, Topics.salesActivity, Topics.repCapacity];

/** Every hour of every day: tests must not depend on the wall clock of the machine running them. */
export const ALWAYS = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [{ start: '00:00', end: '24:00' }]]),
);

/**
 * Routing with its consumers on, over the real broker and database: a schema and consumer group of its own,
 * the group started at the end of the shared input topics (so it routes only what the test publishes), and a
 * reader of lead.routed.v1 from now on.
 */
export class RoutingStreamTestBed {
  readonly schema = uniqueName('routing_int');
  readonly groupId = uniqueName('routing_int');
  reader!: TopicReader;
  private readonly kafka = new Kafka({
    clientId: 'routing-int',
    brokers: TEST_KAFKA_BROKERS,
    logLevel: logLevel.NOTHING,
  });
  private readonly producer: Producer = this.kafka.producer();
  private readonly admin: Admin = this.kafka.admin();

  constructor(env: Record<string, string> = {}) {
    prepareRoutingEnv({
      DATABASE_SCHEMA: this.schema,
      ROUTING_CONSUMER_GROUP_ID: this.groupId,
      ROUTING_CONSUMERS_ENABLED: 'true',
      ROUTING_REROUTER_ENABLED: 'true',
      ROUTING_REROUTE_INTERVAL_MS: '200',
      ...env,
    });
  }

  async start(): Promise<void> {
    await this.producer.connect();
    await this.admin.connect();
    await startTestGroupAtEnd(this.groupId, ROUTING_INPUTS);
    this.reader = await TopicReader.startAtEnd([Topics.leadRouted.name]);
  }

  async stop(): Promise<void> {
    await this.reader?.stop();
    await this.producer.disconnect();
    await this.admin.disconnect();
    await dropSchema(this.schema);
  }

  async publish<V extends EventEnvelope>(contract: TopicContract<V>, ...events: V[]): Promise<void> {
    const messages = events.map((event) => {
      const { key, value } = encodeEvent(contract, event);
      return { key, value, headers: eventHeaders(event) };
    });
    await this.producer.send({ topic: contract.name, messages });
  }

  /** A fresh qualification of a fresh lead (a mid-size German software company unless overridden). */
  qualified(overrides: Partial<LeadQualifiedV2> = {}): LeadQualifiedV2 {
    const base = exampleEvents.leadQualifiedV2({ eventId: randomUUID(), leadId: randomUUID() });
    return {
      ...base,
      qualifiedAt: new Date().toISOString(),
      ...overrides,
      profile: {
        ...base.profile,
        employeeCount: 200,
        companyDomain: undefined,
        emailDomain: undefined,
        company: undefined,
        ...overrides.profile,
      },
    };
  }

  routedOf(leadId: string, count = 1): Promise<LeadRoutedV1[]> {
    return this.reader.waitForValues<LeadRoutedV1>(Topics.leadRouted.name, (event) => event.leadId === leadId, count);
  }

  routedNow(leadId: string): LeadRoutedV1[] {
    return this.reader.values<LeadRoutedV1>(Topics.leadRouted.name, (event) => event.leadId === leadId);
  }
}

/** Reps available around the clock and a pool over them, through the directory API. */
export async function seedPool(
  app: RoutingTestApp,
  poolId: string,
  repIds: string[],
  pool: Record<string, unknown> = {},
): Promise<void> {
  for (const repId of repIds) {
    const response = await app.admin('PUT', `/reps/${repId}`, repBody(repId, { workingHours: ALWAYS }));
    if (response.status >= 300) throw new Error(`PUT /reps/${repId}: ${JSON.stringify(response.body)}`);
  }
  const response = await app.admin('PUT', `/pools/${poolId}`, { name: poolId, repIds, ...pool });
  if (response.status >= 300) throw new Error(`PUT /pools/${poolId}: ${JSON.stringify(response.body)}`);
}

/** These reps out of office from two years ago to the end of next year, through the directory API. */
export async function sendAway(app: RoutingTestApp, repIds: string[]): Promise<void> {
  const away = { from: `${NEXT_YEAR - 2}-01-01T00:00:00Z`, to: `${NEXT_YEAR}-12-31T00:00:00Z` };
  for (const repId of repIds) {
    const response = await app.admin('POST', `/reps/${repId}/out-of-office`, away);
    if (response.status !== 200) throw new Error(`POST /reps/${repId}/out-of-office: ${JSON.stringify(response.body)}`);
  }
}

/** Waits until the lead waits in the queue of `poolId`. */
export function waitUntilQueued(app: RoutingTestApp, schema: string, leadId: string, poolId: string): Promise<void> {
  return waitFor(`lead ${leadId} to be queued in ${poolId}`, async () => {
    const [row] = await app.dataSource.query(
      `SELECT status, queued_pool_id FROM "${schema}".qualifications WHERE lead_id = $1`,
      [leadId],
    );
    return row?.status === 'queued' && row.queued_pool_id === poolId;
  });
}
