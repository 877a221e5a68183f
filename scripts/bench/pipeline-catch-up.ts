import { groupLag, HANDOFF_SERVICES, runOpenLoop, type ServiceProcess, waitFor } from '@handoff/testing';
import type { StepTarget } from './pipeline-step';

export interface CatchUp {
  replicas: number;
  backlog: number;
  seconds: number;
  eventsPerSecond: number;
}

const CATCH_UP_TIMEOUT_MS = 300_000;

/**
 * Scoring's own throughput with `replicas` processes, apart from ingest's: scoring is stopped while ingest records
 * a backlog at `rate` for `seconds`, then its replicas start and the clock runs from the moment all of them are
 * ready (joined) until the group has committed the whole backlog. The first `replicas` of `scoring` are used; the
 * others stay stopped.
 */
export async function scoringCatchUp(
  target: StepTarget,
  scoring: readonly ServiceProcess[],
  replicas: number,
  rate: number,
  seconds: number,
): Promise<CatchUp> {
  await Promise.all(scoring.map((process) => process.stop()));
  const requestsPerSecond = rate / target.traffic.eventsPerRequest;
  const phase = await runOpenLoop(requestsPerSecond, seconds, target.traffic.eventsPerRequest, (index) =>
    target.ingest.sendBatch(target.traffic.request(index), `bench-${target.runId}-catch-up-${replicas}-${index}`),
  );
  const running = scoring.slice(0, replicas);
  await Promise.all(running.map((process) => process.restart()));
  await Promise.all(running.map((process) => process.waitForStatus('/health/ready', 200)));
  const startedAt = Date.now();
  await waitFor(
    'scoring to work off its backlog',
    async () => (await groupLag(target.brokers, target.groups.scoring, HANDOFF_SERVICES.scoring.consumes)) === 0,
    { timeoutMs: CATCH_UP_TIMEOUT_MS, intervalMs: 100 },
  );
  const elapsed = (Date.now() - startedAt) / 1000;
  return { replicas, backlog: phase.acceptedEvents, seconds: elapsed, eventsPerSecond: phase.acceptedEvents / elapsed };
}
