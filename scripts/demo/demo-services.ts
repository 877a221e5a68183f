import { join } from 'node:path';
import { Topics } from '@handoff/contracts';
import {
  ServiceProcess,
  TEST_KAFKA_BROKERS,
  dropSchema,
  httpCall,
  uniqueName,
  type HttpCallOptions,
} from '@handoff/testing';
import { deleteGroup, endOffsetsOf, setGroupOffsets } from '../bench/bench-infra';

export const WORKSPACE_ROOT = join(__dirname, '../..');
const ADMIN_TOKEN = 'demo-admin-token-0123456789';

export interface HttpAnswer<T = unknown> {
  status: number;
  body: T;
}

/** One service of the demo: a built process on its own schema and consumer group, answering HTTP. */
export class DemoService {
  constructor(
    readonly process: ServiceProcess,
    readonly schema: string,
    readonly groupId: string,
  ) {}

  async call<T = unknown>(method: string, path: string, options?: HttpCallOptions): Promise<HttpAnswer<T>> {
    return (await httpCall(this.process.baseUrl, method, path, options)) as HttpAnswer<T>;
  }

  async admin<T = unknown>(path: string, body: unknown): Promise<HttpAnswer<T>> {
    return this.call<T>('POST', path, { body, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  }
}

export interface DemoStack {
  ingest: DemoService;
  scoring: DemoService;
  stop(): Promise<void>;
}

/**
 * Starts ingest and scoring as a deployment runs them, each on a schema and consumer group of this run. The
 * groups start at the end of the shared topics, so the demo's services see only what the demo sends.
 */
export async function startDemoStack(): Promise<DemoStack> {
  const run = uniqueName('demo');
  const ingestGroup = `${run}.ingest-inbound`;
  const scoringGroup = `${run}.scoring`;
  await setGroupOffsets(
    TEST_KAFKA_BROKERS,
    ingestGroup,
    await endOffsetsOf(TEST_KAFKA_BROKERS, [Topics.engagementInbound.name]),
  );
  await setGroupOffsets(
    TEST_KAFKA_BROKERS,
    scoringGroup,
    await endOffsetsOf(TEST_KAFKA_BROKERS, [
      Topics.engagementRecorded.name,
      Topics.leadMerged.name,
      Topics.salesActivity.name,
    ]),
  );
  const [ingest, scoring] = await Promise.all([
    start('ingest', `${run}_ingest`, ingestGroup, {
      INGEST_ADMIN_TOKEN: ADMIN_TOKEN,
      INGEST_INBOUND_GROUP_ID: ingestGroup,
    }),
    start('scoring', `${run}_scoring`, scoringGroup, {
      SCORING_ADMIN_TOKEN: ADMIN_TOKEN,
      SCORING_CONSUMER_GROUP_ID: scoringGroup,
    }),
  ]);
  return {
    ingest,
    scoring,
    stop: async () => {
      await Promise.all([ingest.process.stop(), scoring.process.stop()]);
      await Promise.all(
        [ingest, scoring].map((service) => deleteGroup(TEST_KAFKA_BROKERS, service.groupId).catch(() => undefined)),
      );
      await Promise.all([ingest, scoring].map((service) => dropSchema(service.schema)));
    },
  };
}

async function start(app: string, schema: string, groupId: string, env: Record<string, string>): Promise<DemoService> {
  const process = await ServiceProcess.start({
    app,
    workspaceRoot: WORKSPACE_ROOT,
    env: { DATABASE_SCHEMA: schema, LOG_LEVEL: 'warn', ...env },
  });
  await process.waitForStatus('/health/ready', 200);
  return new DemoService(process, schema, groupId);
}
