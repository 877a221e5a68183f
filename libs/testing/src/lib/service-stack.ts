import { Topics } from '@handoff/contracts';
import { deleteGroup, startGroupAtEnd } from './consumer-groups';
import { httpCall, type HttpCallOptions } from './http-call';
import { ServiceProcess } from './service-process';
import { TEST_KAFKA_BROKERS } from './infrastructure-addresses';
import { dropSchema, uniqueName } from './test-infrastructure';

export interface HttpAnswer<T = unknown> {
  status: number;
  body: T;
}

/** One built service of a stack: its own process, schema and consumer group, answering HTTP. */
export class StackService {
  constructor(
    readonly process: ServiceProcess,
    readonly schema: string,
    readonly groupId: string,
    private readonly adminToken: string,
  ) {}

  async call<T = unknown>(method: string, path: string, options?: HttpCallOptions): Promise<HttpAnswer<T>> {
    return (await httpCall(this.process.baseUrl, method, path, options)) as HttpAnswer<T>;
  }

  async admin<T = unknown>(path: string, body: unknown): Promise<HttpAnswer<T>> {
    return this.call<T>('POST', path, { body, headers: { authorization: `Bearer ${this.adminToken}` } });
  }
}

export interface StackServiceSpec {
  app: string;
  /** The settings naming the service's admin token and its consumer group. */
  adminTokenSetting: string;
  groupIdSetting: string;
  /** The topics its group consumes: the group starts at their end, so it sees only what the run sends. */
  consumes: readonly string[];
}

export interface ServiceStack {
  services: Record<string, StackService>;
  stop(): Promise<void>;
}

/**
 * Starts built services as a deployment runs them, each on a schema and consumer group of this run (the
 * demo and end-to-end tests); `stop` ends them and removes their groups and schemas.
 */
export async function startServiceStack(
  workspaceRoot: string,
  specs: readonly StackServiceSpec[],
  adminToken = 'stack-admin-token-0123456789',
): Promise<ServiceStack> {
  const run = uniqueName('stack');
  const started = await Promise.all(
    specs.map(async (spec) => {
      const schema = `${run}_${spec.app}`;
      const groupId = `${run}.${spec.app}`;
      await startGroupAtEnd(TEST_KAFKA_BROKERS, groupId, spec.consumes);
      const process = await ServiceProcess.start({
        app: spec.app,
        workspaceRoot,
        env: {
          DATABASE_SCHEMA: schema,
          LOG_LEVEL: 'warn',
          [spec.adminTokenSetting]: adminToken,
          [spec.groupIdSetting]: groupId,
        },
      });
      await process.waitForStatus('/health/ready', 200);
      return [spec.app, new StackService(process, schema, groupId, adminToken)] as const;
    }),
  );
  const services = Object.fromEntries(started);
  return {
    services,
    stop: async () => {
      const all = Object.values(services);
      await Promise.all(all.map((service) => service.process.stop()));
      await Promise.all(all.map((service) => deleteGroup(TEST_KAFKA_BROKERS, service.groupId).catch(() => undefined)));
      await Promise.all(all.map((service) => dropSchema(service.schema)));
    },
  };
}

export interface HandoffStack {
  ingest: StackService;
  scoring: StackService;
  stop(): Promise<void>;
}

/** Ingest and scoring as a deployment runs them, each seeing only what the run sends (the demo, e2e tests). */
export async function startHandoffStack(workspaceRoot: string): Promise<HandoffStack> {
  const stack = await startServiceStack(workspaceRoot, [
    {
      app: 'ingest',
      adminTokenSetting: 'INGEST_ADMIN_TOKEN',
      groupIdSetting: 'INGEST_INBOUND_GROUP_ID',
      consumes: [Topics.engagementInbound.name],
    },
    {
      app: 'scoring',
      adminTokenSetting: 'SCORING_ADMIN_TOKEN',
      groupIdSetting: 'SCORING_CONSUMER_GROUP_ID',
      consumes: [Topics.engagementRecorded.name, Topics.leadMerged.name, Topics.salesActivity.name],
    },
  ]);
  return { ingest: stack.services['ingest'], scoring: stack.services['scoring'], stop: stack.stop };
}
