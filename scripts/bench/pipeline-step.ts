import { groupLag, HANDOFF_SERVICES, runOpenLoop, type ServiceProcess, waitFor } from '@handoff/testing';
import { Client } from 'pg';
import type { IngestTarget } from './ingest-target';
import type { LatencyFigures, PipelineProbe } from './pipeline-probe';
import type { PipelineTraffic } from './pipeline-traffic';
import { progress } from './bench-progress';
import { processCpuSeconds } from './process-cpu';

export type PipelineApp = 'ingest' | 'scoring' | 'routing' | 'quota';
export const PIPELINE_APPS: readonly PipelineApp[] = ['ingest', 'scoring', 'routing', 'quota'];

/** What a step runs against: the services' processes (replicas too), groups and schemas. */
export interface StepTarget {
  brokers: string[];
  databaseUrl: string;
  processes: Record<PipelineApp, ServiceProcess[]>;
  groups: Record<PipelineApp, string>;
  schemas: Record<PipelineApp, string>;
  ingest: IngestTarget;
  traffic: PipelineTraffic;
  probe: PipelineProbe;
  runId: string;
}

export interface StepResult {
  offeredPerSecond: number;
  acceptedPerSecond: number;
  failures: string;
  /** From the last request's answer until scoring and routing had committed everything (lag zero). */
  drainSeconds: number;
  sustained: boolean;
  scored: LatencyFigures;
  routed: LatencyFigures;
  cpuMsPerThousandEvents: Record<PipelineApp, number>;
  /** Rows inserted, updated or deleted per accepted event, per service schema and in all. */
  writesPerEvent: Record<PipelineApp | 'total', number>;
}

/** A step keeps up when nearly all offered events were accepted and the consumers caught up soon after. */
const ACCEPTED_SHARE = 0.95;
const MAX_DRAIN_SECONDS = 5;
const DRAIN_TIMEOUT_MS = 60_000;

/** One fixed arrival rate for `seconds`, then the drain; CPU and writes cover both. */
export async function runStep(
  target: StepTarget,
  step: number,
  eventsPerSecond: number,
  seconds: number,
): Promise<StepResult> {
  const cpuBefore = cpuOf(target);
  const writesBefore = await writesOf(target);
  const requestsPerSecond = eventsPerSecond / target.traffic.eventsPerRequest;
  const phase = await runOpenLoop(requestsPerSecond, seconds, target.traffic.eventsPerRequest, async (index) => {
    const correlationId = `bench-${target.runId}-${step}-${index}`;
    target.probe.sending(correlationId, step);
    const outcome = await target.ingest.sendBatch(target.traffic.request(index), correlationId);
    target.probe.answered(correlationId);
    return outcome;
  });
  for (const [failure, sample] of phase.failureSamples)
    progress(`step ${step}: ${failure}, e.g. ${sample.slice(0, 600)}`);
  const drainStarted = Date.now();
  await waitFor('scoring and routing to catch up', () => caughtUp(target), {
    timeoutMs: DRAIN_TIMEOUT_MS,
    intervalMs: 250,
  }).catch(() => undefined);
  const drainSeconds = (Date.now() - drainStarted) / 1000;
  // PostgreSQL backends report their row counts at most once a second: let the last ones land.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const accepted = phase.acceptedEvents;
  const acceptedPerSecond = accepted / phase.elapsedSeconds;
  const cpuAfter = cpuOf(target);
  const writesAfter = await writesOf(target);
  const perThousand = (app: PipelineApp) => (1e6 * (cpuAfter[app] - cpuBefore[app])) / Math.max(1, accepted);
  const writes = (app: PipelineApp) => (writesAfter[app] - writesBefore[app]) / Math.max(1, accepted);
  return {
    offeredPerSecond: phase.offeredEventsPerSecond,
    acceptedPerSecond,
    failures: [...phase.failures].map(([failure, count]) => `${failure}×${count}`).join(' ') || 'none',
    drainSeconds,
    sustained: acceptedPerSecond >= ACCEPTED_SHARE * eventsPerSecond && drainSeconds <= MAX_DRAIN_SECONDS,
    scored: target.probe.figures(step, 'scored'),
    routed: target.probe.figures(step, 'routed'),
    cpuMsPerThousandEvents: mapApps(perThousand),
    writesPerEvent: { ...mapApps(writes), total: PIPELINE_APPS.reduce((sum, app) => sum + writes(app), 0) },
  };
}

async function caughtUp(target: StepTarget): Promise<boolean> {
  const lags = await Promise.all(
    (['scoring', 'routing'] as const).map((app) =>
      groupLag(target.brokers, target.groups[app], HANDOFF_SERVICES[app].consumes),
    ),
  );
  return lags.every((lag) => lag === 0);
}

function cpuOf(target: StepTarget): Record<PipelineApp, number> {
  return mapApps((app) =>
    target.processes[app].reduce((sum, process) => sum + (processCpuSeconds(process.pid ?? -1) ?? 0), 0),
  );
}

async function writesOf(target: StepTarget): Promise<Record<PipelineApp, number>> {
  const client = new Client({ connectionString: target.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ schema: string; writes: string }>(
      `SELECT schemaname AS schema, sum(n_tup_ins + n_tup_upd + n_tup_del) AS writes
         FROM pg_stat_user_tables WHERE schemaname = ANY($1) GROUP BY schemaname`,
      [PIPELINE_APPS.map((app) => target.schemas[app])],
    );
    return mapApps((app) => Number(rows.find((row) => row.schema === target.schemas[app])?.writes ?? 0));
  } finally {
    await client.end();
  }
}

function mapApps(value: (app: PipelineApp) => number): Record<PipelineApp, number> {
  return Object.fromEntries(PIPELINE_APPS.map((app) => [app, value(app)])) as Record<PipelineApp, number>;
}
