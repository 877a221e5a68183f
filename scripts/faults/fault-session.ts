import { join } from 'node:path';
import {
  expectedBooks,
  type FaultInfrastructure,
  groupMembership,
  HANDOFF_SERVICES,
  readPlatformBooks,
  readRunRecord,
  reconcileBooks,
  type ReconciliationRow,
  reconciled,
  runFunnelSimulation,
  seedDirectory,
  seedQuotas,
  type ServiceProcess,
  type SessionBooks,
  simulatedSalesOrg,
  type SimulationSummary,
  startHandoffStack,
  timeToZeroLag,
  uniqueName,
  waitFor,
  type WatchedGroup,
} from '@handoff/testing';
import { describeStall } from './fault-diagnostics';
import { type FaultPlan, type FaultSessionKind, loadSeconds } from './fault-plan';
import {
  type Fault,
  FAULT_APPS,
  type FaultApp,
  type FaultStack,
  scaledOutFaults,
  singleInstanceFaults,
} from './faults';

export interface FaultOutcome {
  name: string;
  /** From the fault's start until it was put back. */
  lastedMs: number;
  /** From its end until every consumer group was whole with lag zero; undefined when that did not happen in time. */
  recoveryMs?: number;
}

export interface FaultSessionResult {
  kind: FaultSessionKind;
  faults: FaultOutcome[];
  rows: ReconciliationRow[];
  simulation: SimulationSummary;
  acknowledged: number;
}

const workspaceRoot = join(__dirname, '../..');
const seconds = (n: number) => new Promise((resolve) => setTimeout(resolve, n * 1000));

/** The services that are running, so Ctrl-C can end them without waiting on a broker that may be frozen. */
export const runningProcesses = new Set<ServiceProcess>();

/**
 * One session on the run's infrastructure: its own stack (schemas, groups), two replicas of each service when
 * scaled, steady simulated load, the faults one after another under it, then the books reconciled.
 */
export async function runFaultSession(
  kind: FaultSessionKind,
  plan: FaultPlan,
  infrastructure: FaultInfrastructure,
  directory: string,
): Promise<FaultSessionResult> {
  const { env } = infrastructure;
  const settings = { ...env, KAFKA_CONSUMER_SESSION_TIMEOUT_MS: String(plan.sessionTimeoutMs) };
  const stack = await startHandoffStack(workspaceRoot, FAULT_APPS, {
    ingest: settings,
    scoring: settings,
    routing: settings,
    quota: settings,
  });
  FAULT_APPS.forEach((app) => runningProcesses.add(stack[app].process));
  const replicas = kind === 'scaled' ? await startReplicas(stack) : undefined;
  try {
    const faults = (
      replicas ? scaledOutFaults(plan, replicas) : singleInstanceFaults(plan, infrastructure, stack)
    ).filter((fault) => !plan.faultFilter || fault.name.includes(plan.faultFilter));
    const groups = watchedGroups(stack, replicas ? 2 : 1);
    return {
      kind,
      ...(await underLoad(plan, infrastructure, stack, faults, groups, join(directory, `${kind}.jsonl`))),
    };
  } finally {
    await Promise.all(Object.values(replicas ?? {}).map((replica) => replica.stop()));
    await stack.stop().catch((error: unknown) => console.error('stopping the services failed:', error));
    runningProcesses.clear();
  }
}

async function underLoad(
  plan: FaultPlan,
  infrastructure: FaultInfrastructure,
  stack: FaultStack,
  faults: Fault[],
  groups: WatchedGroup[],
  outPath: string,
): Promise<Omit<FaultSessionResult, 'kind'>> {
  const brokers = infrastructure.addresses.kafkaBrokers;
  const source = await seededSource(stack);
  const simulation = startSimulation(plan, faults, stack, source, outPath);
  // Surfaced when awaited below; a rejection in the meantime must not end the process as unhandled.
  simulation.catch(() => undefined);
  await seconds(plan.warmupSeconds);
  const outcomes: FaultOutcome[] = [];
  for (const fault of faults) {
    console.log(`fault: ${fault.name}`);
    const watched = await withMembersBefore(brokers, groups, fault.app && stack[fault.app].groupId);
    const startedAt = Date.now();
    await fault.inject();
    const endedAt = Date.now();
    const recoveryMs = await timeToZeroLag(brokers, watched, endedAt).catch(() => undefined);
    outcomes.push({ name: fault.name, lastedMs: endedAt - startedAt, recoveryMs });
    console.log(`  recovered ${recoveryMs === undefined ? 'NOT within the deadline' : `in ${recoveryMs} ms`}`);
    if (recoveryMs === undefined) console.log(await describeStall(brokers, watched, [...runningProcesses]));
    await seconds(plan.gapSeconds);
  }
  const summary = await simulation;
  const lines = readRunRecord(summary.outPath);
  const books = { sourceId: source.id, scoringSchema: stack.scoring.schema, quotaSchema: stack.quota.schema };
  const rows = await settledBooks(brokers, groups, infrastructure.addresses.databaseUrl, books, lines);
  const acknowledged = Object.values(expectedBooks(lines).acknowledged).reduce((sum, n) => sum + (n ?? 0), 0);
  return { faults: outcomes, rows, simulation: summary, acknowledged };
}

/** The groups to watch after a fault; a crash's group must also lose one of the members it has now. */
async function withMembersBefore(
  brokers: string[],
  groups: WatchedGroup[],
  crashedGroupId: string | undefined,
): Promise<WatchedGroup[]> {
  if (!crashedGroupId) return groups;
  const { memberIds } = await groupMembership(brokers, crashedGroupId);
  return groups.map((group) => (group.groupId === crashedGroupId ? { ...group, membersBefore: memberIds } : group));
}

/** A second process of each service on the same schema and consumer group; resolves once each is ready. */
async function startReplicas(stack: FaultStack): Promise<Record<FaultApp, ServiceProcess>> {
  const started = await Promise.all(
    FAULT_APPS.map(async (app) => {
      const replica = await stack[app].process.startReplica();
      runningProcesses.add(replica);
      await replica.waitForStatus('/health/ready', 200);
      return [app, replica] as const;
    }),
  );
  return Object.fromEntries(started) as Record<FaultApp, ServiceProcess>;
}

/** The simulated sales organisation in routing and quota, and the session's own ingest source. */
async function seededSource(stack: FaultStack): Promise<{ id: string; writeKey: string }> {
  const org = simulatedSalesOrg();
  await seedDirectory(stack.routing, org);
  await seedQuotas(stack.quota, org);
  const source = await stack.ingest.admin<{ id: string; writeKey: string }>('/admin/sources', { name: 'faults' });
  if (source.status !== 201) throw new Error(`creating an ingest source answered ${source.status}`);
  return source.body;
}

function startSimulation(
  plan: FaultPlan,
  faults: readonly Fault[],
  stack: FaultStack,
  source: { id: string; writeKey: string },
  outPath: string,
): Promise<SimulationSummary> {
  return runFunnelSimulation({
    seed: plan.seed,
    runId: uniqueName('faults'),
    ratePerSecond: plan.ratePerSecond,
    messages: Math.round(
      plan.ratePerSecond *
        loadSeconds(
          plan,
          faults.map((fault) => fault.seconds),
        ),
    ),
    ingestUrl: stack.ingest.process.baseUrl,
    writeKey: source.writeKey,
    sourceId: source.id,
    outPath,
    settleSeconds: 5,
  });
}

function watchedGroups(stack: FaultStack, members: number): WatchedGroup[] {
  return FAULT_APPS.map((app) => ({ groupId: stack[app].groupId, topics: HANDOFF_SERVICES[app].consumes, members }));
}

/**
 * The books once the platform has caught up: lag zero, then read; read again (after lag zero again) while
 * something is missing, since an outbox relay may still be publishing what a consumer committed.
 */
async function settledBooks(
  brokers: string[],
  groups: WatchedGroup[],
  databaseUrl: string,
  books: SessionBooks,
  lines: ReturnType<typeof readRunRecord>,
): Promise<ReconciliationRow[]> {
  let rows: ReconciliationRow[] = [];
  await waitFor(
    'the books to reconcile',
    async () => {
      await timeToZeroLag(brokers, groups, Date.now());
      rows = reconcileBooks(lines, await readPlatformBooks(brokers, databaseUrl, books));
      return reconciled(rows);
    },
    { timeoutMs: 90_000, intervalMs: 5_000 },
  ).catch(async () => {
    // Still not caught up: the books as they are, so the table shows what is missing rather than nothing.
    rows = reconcileBooks(lines, await readPlatformBooks(brokers, databaseUrl, books));
  });
  return rows;
}
