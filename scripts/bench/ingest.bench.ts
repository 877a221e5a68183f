/**
 * `npm run bench:ingest`: ingest's accepted events/s and latency at a fixed arrival rate, single and
 * batch requests, next to a bare kafkajs producer sending the same events to the same broker (see
 * bench-options.ts for the flags). Starts the infra and the built app itself and cleans up after.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Topics } from '@handoff/contracts';
import { deleteGroup, dropSchema, type RequestOutcome, runOpenLoop, startGroupAtEnd } from '@handoff/testing';
import { deleteSourceKeys, ensureInfra } from './bench-infra';
import { type BenchOptions, parseOptions, USAGE } from './bench-options';
import { ioTimingTable, machineHeader, ratioTable, resultsTable, settingsLine } from './bench-report';
import { summariseCpuProfile } from './cpu-profile-summary';
import { type BenchEvent, EventGenerator } from './event-generator';
import { ensureBuilt, freePort, ServiceApp, type IoTiming } from './ingest-app';
import { IngestTarget } from './ingest-target';
import { KafkaBaseline } from './kafka-baseline';
import { ownCpuSeconds } from './process-cpu';
import { type ScenarioStats, statsOf } from './latency-stats';
import { cleanUp, progress } from './bench-progress';

const ROOT = resolve(__dirname, '../..');
/** High enough that the per-source limiter never throttles the bench: it measures the rest. */
const UNTHROTTLED = '100000000';
/** Lets the previous scenario's background work (outbox relay, GC) settle before the next one. */
const PAUSE_BETWEEN_SCENARIOS_MS = 1000;

type Kind = 'single' | 'batch';

/** Ctrl-C stops the load and still cleans up (the app, the schema, the topic). */
const interruption = new AbortController();

interface Scenario {
  name: string;
  kind: Kind;
  send: (events: readonly BenchEvent[]) => Promise<RequestOutcome>;
  /** CPU seconds used so far by the process doing the work. */
  cpuSeconds: () => number | undefined;
  /** The app's round-trip timings since the previous call (--io-timing). */
  ioTiming?: () => Promise<IoTiming | undefined>;
}

interface ScenarioReport {
  stats: ScenarioStats;
  ioTiming?: string[];
}

function clip(text: string, length = 400): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

async function runScenario(scenario: Scenario, options: BenchOptions, runId: string): Promise<ScenarioReport> {
  const rate = scenario.kind === 'single' ? options.singleRate : options.batchRate;
  const size = scenario.kind === 'single' ? 1 : options.batchSize;
  // Same seed and tag per kind: ingest and the baseline send identical events.
  const generator = new EventGenerator(`${runId}-${scenario.kind}`, options.newVisitorShare);
  const send = () => scenario.send(generator.batch(size));
  progress(`${scenario.name}: ${options.warmupSeconds} s warm-up at ${rate} req/s × ${size} event(s)`);
  await runOpenLoop(rate, options.warmupSeconds, size, send, interruption.signal);
  interruption.signal.throwIfAborted();
  progress(`${scenario.name}: measuring ${options.measureSeconds} s`);
  await scenario.ioTiming?.();
  const cpuBefore = scenario.cpuSeconds();
  const result = await runOpenLoop(rate, options.measureSeconds, size, send, interruption.signal);
  interruption.signal.throwIfAborted();
  const cpuAfter = scenario.cpuSeconds();
  const timing = await scenario.ioTiming?.();
  const cpuUsed = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  const stats = statsOf(scenario.name, rate, result, cpuUsed);
  progress(
    `${scenario.name}: ${Math.round(stats.acceptedEventsPerSecond)} events/s accepted, ` +
      `p50 ${stats.p50.toFixed(1)} ms, p99 ${stats.p99.toFixed(1)} ms, errors: ${stats.errors}`,
  );
  for (const [failure, sample] of result.failureSamples) progress(`  first ${failure}: ${clip(sample)}`);
  await sleep(PAUSE_BETWEEN_SCENARIOS_MS);
  return { stats, ioTiming: timing && ioTimingTable(scenario.name, timing, result.requests) };
}

function scenariosOf(app: ServiceApp, target: IngestTarget, baseline: KafkaBaseline, only?: string[]): Scenario[] {
  const appCpu = () => app.cpuSeconds();
  const appTiming = () => app.ioTiming();
  const all: Scenario[] = [
    {
      name: 'ingest-single',
      kind: 'single',
      send: ([event]) => target.sendOne(event),
      cpuSeconds: appCpu,
      ioTiming: appTiming,
    },
    { name: 'kafka-single', kind: 'single', send: (events) => baseline.send(events), cpuSeconds: ownCpuSeconds },
    {
      name: 'ingest-batch',
      kind: 'batch',
      send: (events) => target.sendBatch(events),
      cpuSeconds: appCpu,
      ioTiming: appTiming,
    },
    { name: 'kafka-batch', kind: 'batch', send: (events) => baseline.send(events), cpuSeconds: ownCpuSeconds },
  ];
  return only ? all.filter((scenario) => only.includes(scenario.name)) : all;
}

function inboundGroupOf(runId: string): string {
  return `ingest.bench-${runId}`;
}

async function startApp(
  options: BenchOptions,
  runId: string,
  adminToken: string,
  ioTimingFile?: string,
): Promise<ServiceApp> {
  const inboundGroupId = inboundGroupOf(runId);
  await startGroupAtEnd(options.brokers, inboundGroupId, [Topics.engagementInbound.name]);
  const app = ServiceApp.start({
    root: ROOT,
    port: await freePort(),
    cpuProfDir: options.cpuProfDir,
    ioTimingFile,
    env: {
      DATABASE_SCHEMA: `bench_${runId}`,
      INGEST_INBOUND_GROUP_ID: inboundGroupId,
      INGEST_ADMIN_TOKEN: adminToken,
      INGEST_RATE_LIMIT_PER_SECOND: UNTHROTTLED,
      INGEST_RATE_LIMIT_BURST: UNTHROTTLED,
      LOG_LEVEL: 'warn',
    },
  });
  progress(`ingest starting on ${app.baseUrl} (schema bench_${runId})`);
  return app;
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) return void console.log(USAGE);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => interruption.abort(new Error(`interrupted by ${signal}`)));
  }
  const options = parseOptions(process.argv.slice(2), process.env);
  const runId = randomBytes(4).toString('hex');
  // stdout holds only the header and the tables (progress and infra output go to stderr): a quotable block.
  console.log([...machineHeader(ROOT), settingsLine(options)].join('\n'));
  ensureInfra(ROOT);
  ensureBuilt(ROOT, progress);

  const adminToken = randomBytes(24).toString('hex');
  const ioTimingFile = options.ioTiming ? join(tmpdir(), `bench-io-timing-${runId}.json`) : undefined;
  const app = await startApp(options, runId, adminToken, ioTimingFile);
  let baseline: KafkaBaseline | undefined;
  let sourceId: string | undefined;
  const reports: ScenarioReport[] = [];
  let bootSeconds = 0;
  try {
    bootSeconds = await app.waitReady();
    progress(`ingest ready after ${bootSeconds.toFixed(1)} s`);
    const source = await app.createSource(adminToken, `bench ${runId}`);
    sourceId = source.id;
    baseline = await KafkaBaseline.start(
      options.brokers,
      `bench.baseline.${runId}`,
      Topics.engagementRecorded.partitions,
    );
    const target = new IngestTarget(app.baseUrl, source.writeKey, options.maxSockets);
    for (const scenario of scenariosOf(app, target, baseline, options.only))
      reports.push(await runScenario(scenario, options, runId));
    target.close();
  } finally {
    const recentLogs = app.recentLogs();
    await cleanUp([
      ['ingest stopped (SIGTERM), exit code', () => app.stop()],
      [`schema bench_${runId} dropped`, () => dropSchema(`bench_${runId}`, options.databaseUrl)],
      [
        'bench source keys deleted from Redis',
        async () => (sourceId ? deleteSourceKeys(options.redisUrl, sourceId) : 0),
      ],
      ['baseline topic deleted', async () => baseline?.stop()],
      ['inbound consumer group deleted', () => deleteGroup(options.brokers, inboundGroupOf(runId))],
      ...(ioTimingFile ? [['io timing file removed', () => rm(ioTimingFile, { force: true })] as const] : []),
    ]);
    if (recentLogs.length > 0)
      progress(`last ingest log lines (LOG_LEVEL=warn):\n${recentLogs.map((line) => clip(line, 300)).join('\n')}`);
  }

  if (options.cpuProfDir) console.error(summariseCpuProfile(options.cpuProfDir, bootSeconds).join('\n'));
  const rows = reports.map((report) => report.stats);
  const timings = reports.flatMap((report) => (report.ioTiming ? ['', ...report.ioTiming] : []));
  const ratios = ratioTable(rows);
  console.log(['', ...resultsTable(rows), ...(ratios.length > 0 ? ['', ...ratios] : []), ...timings].join('\n'));
}

main().catch((error: unknown) => {
  console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
