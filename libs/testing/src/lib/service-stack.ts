import { Topics } from '@handoff/contracts';
import { deleteGroup, startGroupAtEnd } from './consumer-groups';
import { httpCall, type HttpCallOptions } from './http-call';
import { ServiceProcess } from './service-process';
import { infrastructureAddresses } from './infrastructure-addresses';
import { dropSchema, freePort, uniqueName } from './test-infrastructure';

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

  /** An operator call with the admin token: POST by default, PUT for the directory's create-or-replace writes. */
  async admin<T = unknown>(
    path: string,
    body: unknown,
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' = 'POST',
  ): Promise<HttpAnswer<T>> {
    return this.call<T>(method, path, { body, headers: { authorization: `Bearer ${this.adminToken}` } });
  }
}

export interface StackServiceSpec {
  app: string;
  /** The settings naming the service's admin token and its consumer group (the console has neither). */
  adminTokenSetting?: string;
  groupIdSetting?: string;
  /** The topics its group consumes: the group starts at their end, so it sees only what the run sends. */
  consumes: readonly string[];
  /** Settings that name other services of the stack, given the base URL of each (by app) and the stack's token. */
  envOf?: (baseUrls: Readonly<Record<string, string>>, adminToken: string) => Record<string, string>;
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
  const { kafkaBrokers, databaseUrl } = infrastructureAddresses();
  // Ports are chosen before any service starts, so one service's settings can name another's address.
  const ports: Record<string, number> = {};
  for (const spec of specs) ports[spec.app] = await freePort();
  const baseUrls = Object.fromEntries(specs.map((spec) => [spec.app, `http://127.0.0.1:${ports[spec.app]}`]));
  const starts = await Promise.allSettled(
    specs.map(async (spec) => {
      const schema = `${run}_${spec.app}`;
      const groupId = `${run}.${spec.app}`;
      if (spec.groupIdSetting) await startGroupAtEnd(kafkaBrokers, groupId, spec.consumes);
      const process = await ServiceProcess.start({
        app: spec.app,
        workspaceRoot,
        port: ports[spec.app],
        env: {
          DATABASE_SCHEMA: schema,
          LOG_LEVEL: 'warn',
          ...(spec.adminTokenSetting ? { [spec.adminTokenSetting]: adminToken } : {}),
          ...(spec.groupIdSetting ? { [spec.groupIdSetting]: groupId } : {}),
          ...spec.envOf?.(baseUrls, adminToken),
        },
      });
      const service = new StackService(process, schema, groupId, adminToken);
      await process.waitForStatus('/health/ready', 200).catch(async (error: unknown) => {
        await stopServices([service], kafkaBrokers, databaseUrl);
        throw error;
      });
      return [spec.app, service] as const;
    }),
  );
  const started = starts.flatMap((start) => (start.status === 'fulfilled' ? [start.value] : []));
  const failed = starts.find((start) => start.status === 'rejected');
  // One service that does not start (or a Ctrl-C that ended it) takes the others down with it: none is left behind.
  if (failed) {
    await stopServices(
      started.map(([, service]) => service),
      kafkaBrokers,
      databaseUrl,
    );
    throw failed.reason;
  }
  const services = Object.fromEntries(started);
  return { services, stop: () => stopServices(Object.values(services), kafkaBrokers, databaseUrl) };
}

/** Ends the services, then removes their consumer groups and schemas. */
async function stopServices(
  services: readonly StackService[],
  kafkaBrokers: string[],
  databaseUrl: string,
): Promise<void> {
  await Promise.all(services.map((service) => service.process.stop()));
  await Promise.all(services.map((service) => deleteGroup(kafkaBrokers, service.groupId).catch(() => undefined)));
  await Promise.all(services.map((service) => dropSchema(service.schema, databaseUrl)));
}

/** How the stack starts each Handoff service: its token and group settings and the topics its group consumes. */
export const HANDOFF_SERVICES = {
  ingest: {
    app: 'ingest',
    adminTokenSetting: 'INGEST_ADMIN_TOKEN',
    groupIdSetting: 'INGEST_INBOUND_GROUP_ID',
    consumes: [Topics.engagementInbound.name],
  },
  scoring: {
    app: 'scoring',
    adminTokenSetting: 'SCORING_ADMIN_TOKEN',
    groupIdSetting: 'SCORING_CONSUMER_GROUP_ID',
    consumes: [Topics.engagementRecorded.name, Topics.leadMerged.name, Topics.salesActivity.name],
  },
  routing: {
    app: 'routing',
    adminTokenSetting: 'ROUTING_ADMIN_TOKEN',
    groupIdSetting: 'ROUTING_CONSUMER_GROUP_ID',
    consumes: [Topics.leadQualifiedV2.name, Topics.salesActivity.name, Topics.repCapacity.name],
    // lead.routed.v1 then tells where this stack's ingest serves the contact, and marks the run's assignments.
    envOf: (baseUrls: Readonly<Record<string, string>>): Record<string, string> =>
      baseUrls['ingest'] ? { ROUTING_CONTACT_URL_TEMPLATE: `${baseUrls['ingest']}/leads/{leadId}/contact` } : {},
  },
  quota: {
    app: 'quota',
    adminTokenSetting: 'QUOTA_ADMIN_TOKEN',
    groupIdSetting: 'QUOTA_CONSUMER_GROUP_ID',
    consumes: [Topics.salesActivity.name, Topics.crmOutcome.name, Topics.leadRouted.name],
  },
  delivery: {
    app: 'delivery',
    adminTokenSetting: 'DELIVERY_ADMIN_TOKEN',
    groupIdSetting: 'DELIVERY_CONSUMER_GROUP_ID',
    consumes: [Topics.leadRouted.name, Topics.leadQualifiedV2.name, Topics.leadScored.name, Topics.repCapacity.name],
    // Contact details for the subscriptions that ask for them come from this stack's ingest.
    envOf: (baseUrls: Readonly<Record<string, string>>): Record<string, string> =>
      baseUrls['ingest'] ? { DELIVERY_CONTACT_URL_TEMPLATE: `${baseUrls['ingest']}/leads/{leadId}/contact` } : {},
  },
  // The operator console's backend calls this stack's services with the stack's token, as a deployment's would.
  console: {
    app: 'console',
    consumes: [],
    envOf: (baseUrls: Readonly<Record<string, string>>, adminToken: string): Record<string, string> => ({
      CONSOLE_PUBLIC_URL: baseUrls['console'],
      ...Object.fromEntries(
        (['ingest', 'scoring', 'routing', 'quota'] as const).flatMap((app) =>
          baseUrls[app]
            ? [
                [`CONSOLE_${app.toUpperCase()}_URL`, baseUrls[app]],
                [`CONSOLE_${app.toUpperCase()}_ADMIN_TOKEN`, adminToken],
              ]
            : [],
        ),
      ),
    }),
  },
} as const satisfies Record<string, StackServiceSpec>;

export type HandoffApp = keyof typeof HANDOFF_SERVICES;

/** The started services by name, e.g. `stack.ingest`, and `stop`. */
export type HandoffStack<A extends HandoffApp = 'ingest' | 'scoring'> = Record<A, StackService> & {
  stop(): Promise<void>;
};

/**
 * Handoff's services as a deployment runs them, each seeing only what the run sends (the demo, e2e tests):
 * ingest and scoring unless `apps` names others; `settings` adds settings per app (e.g. a short timer interval).
 */
export async function startHandoffStack<A extends HandoffApp = 'ingest' | 'scoring'>(
  workspaceRoot: string,
  apps: readonly A[] = ['ingest', 'scoring'] as A[],
  settings: Partial<Record<A, Record<string, string>>> = {},
): Promise<HandoffStack<A>> {
  const stack = await startServiceStack(
    workspaceRoot,
    apps.map((app): StackServiceSpec => {
      const spec: StackServiceSpec = HANDOFF_SERVICES[app];
      return { ...spec, envOf: (baseUrls, token) => ({ ...spec.envOf?.(baseUrls, token), ...settings[app] }) };
    }),
  );
  const services = Object.fromEntries(apps.map((app) => [app, stack.services[app]])) as Record<A, StackService>;
  return { ...services, stop: stack.stop };
}
