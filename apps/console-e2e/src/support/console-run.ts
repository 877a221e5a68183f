import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type HandoffStack,
  runFunnelSimulation,
  type SalesOrg,
  seedDirectory,
  seedQuotas,
  simulatedSalesOrg,
  startHandoffStack,
  uniqueName,
  waitFor,
} from '@handoff/testing';

const workspaceRoot = join(__dirname, '../../../..');

export type ConsoleStack = HandoffStack<'ingest' | 'scoring' | 'routing' | 'quota' | 'console'>;

/** Every day 00:00–24:00, so routing finds reps in hours whenever the test runs. */
const ALWAYS_IN_HOURS = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [{ start: '00:00', end: '24:00' }]]),
);

/** The simulated sales org, every rep in hours around the clock. */
export function alwaysInHoursOrg(): SalesOrg {
  const org = simulatedSalesOrg();
  return { ...org, reps: org.reps.map((rep) => ({ ...rep, workingHours: ALWAYS_IN_HOURS })) };
}

/** The four services and the console as built processes, on this run's schemas and consumer groups. */
export async function startConsoleStack(): Promise<ConsoleStack> {
  return startHandoffStack(workspaceRoot, ['ingest', 'scoring', 'routing', 'quota', 'console']);
}

export interface SimulatorSource {
  id: string;
  writeKey: string;
}

/** The simulated org seeded in routing and quota, and a source for the funnel simulator in ingest. */
export async function seedSimulatedOrg(stack: ConsoleStack): Promise<SimulatorSource> {
  const org = alwaysInHoursOrg();
  await seedDirectory(stack.routing, org);
  await seedQuotas(stack.quota, org);
  const source = await stack.ingest.admin<SimulatorSource>('/admin/sources', { name: 'simulator' });
  if (source.status !== 201) throw new Error(`creating the simulator's source: ${JSON.stringify(source.body)}`);
  return source.body;
}

const BATCH_MESSAGES = 300;
const MAX_BATCHES = 4;

/**
 * Runs the funnel simulator in batches until `find` answers (a lead it made hot, say): how many buyers qualify in
 * one batch depends on the machine's pace, so a slow run gets more buyers rather than a failure.
 */
export async function simulateUntil<T>(
  stack: ConsoleStack,
  source: SimulatorSource,
  find: () => Promise<T | undefined>,
): Promise<T> {
  const directory = mkdtempSync(join(tmpdir(), 'console-e2e-'));
  const batches: string[] = [];
  try {
    for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
      const summary = await runFunnelSimulation({
        seed: 7 + batch,
        runId: uniqueName('console'),
        ratePerSecond: 30,
        messages: BATCH_MESSAGES,
        // Few buyers at a time, so some finish their journey (and qualify) within the batch.
        concurrentLeads: 5,
        ingestUrl: stack.ingest.process.baseUrl,
        writeKey: source.writeKey,
        sourceId: source.id,
        outPath: join(directory, `batch-${batch}.jsonl`),
        settleSeconds: 3,
      });
      batches.push(`${summary.acceptedEvents} events of ${summary.leads} buyers, ${summary.routedLeads} routed`);
      const found = await findWithin(find, 20_000);
      if (found !== undefined) return found;
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  throw new Error(`the simulator made no lead of the kind sought in ${MAX_BATCHES} batches: ${batches.join('; ')}`);
}

async function findWithin<T>(find: () => Promise<T | undefined>, timeoutMs: number): Promise<T | undefined> {
  let found: T | undefined;
  await waitFor('the simulation to settle', async () => (found = await find()) !== undefined, { timeoutMs }).catch(
    () => undefined,
  );
  return found;
}
