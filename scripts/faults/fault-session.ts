import { join } from 'node:path';
import {
  expectedBooks,
  type FaultInfrastructure,
  HANDOFF_SERVICES,
  readPlatformBooks,
  readRunRecord,
  reconcileBooks,
  type ReconciliationRow,
  reconciled,
  runFunnelSimulation,
  seedDirectory,
  seedQuotas,
  simulatedSalesOrg,
  type SimulationSummary,
  timeToZeroLag,
  uniqueName,
  waitFor,
  type WatchedGroup,
} from '@handoff/testing';
import { type FaultPlan, loadSeconds } from './fault-plan';
import { faultsOf, type FaultStack } from './faults';

export interface FaultOutcome {
  name: string;
  /** From the fault's start until it was put back. */
  lastedMs: number;
  /** From its end until every consumer group's lag was zero; undefined when that did not happen in time. */
  recoveryMs?: number;
}

export interface FaultSessionResult {
  faults: FaultOutcome[];
  rows: ReconciliationRow[];
  simulation: SimulationSummary;
  acknowledged: number;
}

const seconds = (n: number) => new Promise((resolve) => setTimeout(resolve, n * 1000));

/** Steady simulated load on the stack, the faults one after another under it, then the books reconciled. */
export async function runFaultSession(
  plan: FaultPlan,
  infrastructure: FaultInfrastructure,
  stack: FaultStack,
  directory: string,
): Promise<FaultSessionResult> {
  const brokers = infrastructure.addresses.kafkaBrokers;
  const groups = watchedGroups(stack);
  const simulation = startSimulation(plan, stack, join(directory, 'run.jsonl'));
  // Surfaced when awaited below; a rejection in the meantime must not end the process as unhandled.
  simulation.catch(() => undefined);
  await seconds(plan.warmupSeconds);
  const faults: FaultOutcome[] = [];
  for (const fault of faultsOf(plan, infrastructure, stack)) {
    console.log(`fault: ${fault.name}`);
    const startedAt = Date.now();
    await fault.inject();
    const endedAt = Date.now();
    const recoveryMs = await timeToZeroLag(brokers, groups, endedAt).catch(() => undefined);
    faults.push({ name: fault.name, lastedMs: endedAt - startedAt, recoveryMs });
    console.log(`  recovered ${recoveryMs === undefined ? 'NOT within the deadline' : `in ${recoveryMs} ms`}`);
    await seconds(plan.gapSeconds);
  }
  const summary = await simulation;
  const lines = readRunRecord(summary.outPath);
  const rows = await settledBooks(brokers, groups, infrastructure.addresses.databaseUrl, stack, lines);
  const acknowledged = Object.values(expectedBooks(lines).acknowledged).reduce((sum, n) => sum + (n ?? 0), 0);
  return { faults, rows, simulation: summary, acknowledged };
}

async function startSimulation(plan: FaultPlan, stack: FaultStack, outPath: string): Promise<SimulationSummary> {
  const org = simulatedSalesOrg();
  await seedDirectory(stack.routing, org);
  await seedQuotas(stack.quota, org);
  const source = await stack.ingest.admin<{ id: string; writeKey: string }>('/admin/sources', { name: 'faults' });
  if (source.status !== 201) throw new Error(`creating an ingest source answered ${source.status}`);
  return runFunnelSimulation({
    seed: plan.seed,
    runId: uniqueName('faults'),
    ratePerSecond: plan.ratePerSecond,
    messages: Math.round(plan.ratePerSecond * loadSeconds(plan)),
    ingestUrl: stack.ingest.process.baseUrl,
    writeKey: source.body.writeKey,
    sourceId: source.body.id,
    outPath,
    settleSeconds: 5,
  });
}

function watchedGroups(stack: FaultStack): WatchedGroup[] {
  return (['ingest', 'scoring', 'routing', 'quota'] as const).map((app) => ({
    groupId: stack[app].groupId,
    topics: HANDOFF_SERVICES[app].consumes,
  }));
}

/**
 * The books once the platform has caught up: lag zero, then read; read again (after lag zero again) while
 * something is missing, since an outbox relay may still be publishing what a consumer committed.
 */
async function settledBooks(
  brokers: string[],
  groups: WatchedGroup[],
  databaseUrl: string,
  stack: FaultStack,
  lines: ReturnType<typeof readRunRecord>,
): Promise<ReconciliationRow[]> {
  let rows: ReconciliationRow[] = [];
  await waitFor(
    'the books to reconcile',
    async () => {
      await timeToZeroLag(brokers, groups, Date.now());
      rows = reconcileBooks(lines, await readPlatformBooks(brokers, databaseUrl, stack.scoring.schema));
      return reconciled(rows);
    },
    { timeoutMs: 90_000, intervalMs: 5_000 },
  ).catch(() => undefined);
  return rows;
}
