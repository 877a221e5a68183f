// `npm run test:faults`: Handoff's four services against a Kafka, PostgreSQL and Redis of the run's own, under
// steady simulated load, while scoring is SIGKILLed and each piece of infrastructure is stopped, frozen or
// restarted; then the books are reconciled against the simulator's record (README "Fault tests").
// Exits 1 when an acknowledged event is missing or doubled, or a fault was not recovered from.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  FaultInfrastructure,
  formatReconciliation,
  formatTable,
  reconciled,
  startHandoffStack,
} from '@handoff/testing';
import { faultPlanOf } from './fault-plan';
import { type FaultSessionResult, runFaultSession } from './fault-session';
import type { FaultStack } from './faults';

const workspaceRoot = join(__dirname, '../..');
const APPS = ['ingest', 'scoring', 'routing', 'quota'] as const;

async function main(): Promise<boolean> {
  const plan = faultPlanOf(process.argv.slice(2));
  const startedAt = Date.now();
  const infrastructure = await FaultInfrastructure.start(workspaceRoot);
  let stack: FaultStack | undefined;
  // Ctrl-C also hits the broker: end the services only, without the group clean-up that would wait for it.
  infrastructure.onInterrupt(async () => stack && Promise.all(APPS.map((app) => stack?.[app].process.stop())));
  try {
    const { env } = infrastructure;
    console.log(
      `own infrastructure: ${Object.entries(env)
        .map(([name, value]) => `${name}=${value}`)
        .join(' ')}`,
    );
    // The run's own clients (topic readers, the simulator) read the same settings as the services.
    Object.assign(process.env, env);
    stack = await startHandoffStack(workspaceRoot, APPS, { ingest: env, scoring: env, routing: env, quota: env });
    const directory = join(workspaceRoot, 'tmp/faults');
    mkdirSync(directory, { recursive: true });
    const result = await runFaultSession(plan, infrastructure, stack, directory);
    printResult(result);
    console.log(`fault run took ${Math.round((Date.now() - startedAt) / 1000)} s`);
    return reconciled(result.rows) && result.faults.every((fault) => fault.recoveryMs !== undefined);
  } finally {
    await stack?.stop().catch((error: unknown) => console.error('stopping the services failed:', error));
    await infrastructure.stop();
  }
}

function printResult(result: FaultSessionResult): void {
  const { simulation } = result;
  console.log(
    `\nsimulator: ${simulation.messages} messages, ${result.acknowledged} acknowledged, ${simulation.leads} leads`,
  );
  for (const [failure, count] of simulation.failures) console.log(`  not acknowledged (${failure}): ${count}`);
  console.log(`run record: ${simulation.outPath}\n`);
  console.log(
    formatTable(
      ['fault', 'lasted s', 'recovery s'],
      result.faults.map((fault) => [
        fault.name,
        (fault.lastedMs / 1000).toFixed(1),
        fault.recoveryMs === undefined ? 'not recovered' : (fault.recoveryMs / 1000).toFixed(1),
      ]),
    ),
  );
  console.log(`\n${formatReconciliation(result.rows)}\n`);
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
