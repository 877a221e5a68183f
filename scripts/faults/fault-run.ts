// `npm run test:faults`: Handoff's four services against a Kafka, PostgreSQL and Redis of the run's own, under
// steady simulated load. The single session crashes each service (SIGKILL) and stops, freezes or restarts each
// piece of infrastructure; the scaled session runs two replicas of every service in one consumer group and crashes
// one of each. After each session the books are reconciled against the simulator's record (README "Fault tests").
// Exits 1 when an acknowledged event is missing or doubled, or a fault was not recovered from.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FaultInfrastructure, formatReconciliation, formatTable, reconciled } from '@handoff/testing';
import { faultPlanOf } from './fault-plan';
import { type FaultSessionResult, runFaultSession, runningProcesses } from './fault-session';

const workspaceRoot = join(__dirname, '../..');

async function main(): Promise<boolean> {
  const plan = faultPlanOf(process.argv.slice(2));
  const startedAt = Date.now();
  const infrastructure = await FaultInfrastructure.start(workspaceRoot);
  // Ctrl-C also hits the broker: end the services only, without the group clean-up that would wait for it.
  infrastructure.onInterrupt(async () => Promise.all([...runningProcesses].map((process) => process.stop())));
  try {
    const { env } = infrastructure;
    console.log(
      `own infrastructure: ${Object.entries(env)
        .map(([name, value]) => `${name}=${value}`)
        .join(' ')}`,
    );
    // The run's own clients (topic readers, the simulator) read the same settings as the services.
    Object.assign(process.env, env);
    const directory = join(workspaceRoot, 'tmp/faults');
    mkdirSync(directory, { recursive: true });
    let ok = true;
    for (const kind of plan.sessions) {
      console.log(`\n== ${kind === 'single' ? 'one instance of each service' : 'two replicas of each service'} ==`);
      const result = await runFaultSession(kind, plan, infrastructure, directory);
      printResult(result);
      ok &&= reconciled(result.rows) && result.faults.every((fault) => fault.recoveryMs !== undefined);
    }
    console.log(`fault run took ${Math.round((Date.now() - startedAt) / 1000)} s`);
    return ok;
  } finally {
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
