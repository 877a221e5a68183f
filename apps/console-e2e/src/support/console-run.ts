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

/** The simulated org seeded in routing and quota, and the funnel simulator's buyers sent through ingest. */
export async function simulateFunnel(stack: ConsoleStack, messages: number): Promise<{ writeKey: string }> {
  const org = alwaysInHoursOrg();
  await seedDirectory(stack.routing, org);
  await seedQuotas(stack.quota, org);
  const source = await stack.ingest.admin<{ id: string; writeKey: string }>('/admin/sources', { name: 'simulator' });
  if (source.status !== 201) throw new Error(`creating the simulator's source: ${JSON.stringify(source.body)}`);
  const directory = mkdtempSync(join(tmpdir(), 'console-e2e-'));
  try {
    await runFunnelSimulation({
      seed: 7,
      runId: uniqueName('console'),
      ratePerSecond: 40,
      messages,
      // Few buyers at a time, so some finish their journey (and qualify) within the run.
      concurrentLeads: 5,
      ingestUrl: stack.ingest.process.baseUrl,
      writeKey: source.body.writeKey,
      sourceId: source.body.id,
      outPath: join(directory, 'run.jsonl'),
      settleSeconds: 3,
    });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  return { writeKey: source.body.writeKey };
}
