/**
 * `npm run bench:routing`: qualified leads routed per second by the routing service (50 reps across time zones,
 * weighted round robin, inbox + decision lock + outbox on) and latency from lead.qualified.v2 to lead.routed.v1,
 * at full speed and at a fixed rate, next to a bare kafkajs consume→produce loop forwarding the same records in
 * the same run; then checks that every qualification was routed exactly once (exit 1 if not). Starts the infra
 * and the built app itself and cleans up after.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Topics } from '@handoff/contracts';
import { startGroupAtEnd } from '@handoff/testing';
import { ArrivalReader } from './arrival-reader';
import type { PhaseFigures } from './arrival-latency';
import { ensureInfra, ensureTopics, type RunNames, runNamesCleanup, runNamesOf } from './bench-infra';
import { cleanUp, progress } from './bench-progress';
import { ioTimingTable, machineHeader } from './bench-report';
import { ConsumeProduceBaseline } from './consume-produce-baseline';
import { summariseCpuProfile } from './cpu-profile-summary';
import { ensureBuilt, freePort, ServiceApp } from './ingest-app';
import { LeadPublisher, type QualifiedRecord, qualifiedRecords } from './routing-events';
import { RoutingDatabase } from './routing-database';
import { benchReps, seedDirectory, timeZoneCount } from './routing-directory';
import { parseRoutingOptions, type RoutingBenchOptions, ROUTING_USAGE } from './routing-options';
import { arrivalRouter, type Pace, runPhase, type Target, target, whenReached } from './routing-phases';
import * as report from './routing-report';

const ROOT = resolve(__dirname, '../..');
/** Every topic the app's group subscribes to: all must start at their end, or it replays other runs' records. */
const APP_TOPICS = [Topics.leadQualifiedV2.name, Topics.salesActivity.name, Topics.repCapacity.name];
const PARTITIONS = Topics.leadQualifiedV2.partitions;
/** How the app logs a wait for the decision lock cancelled by lock_timeout (the chunk is then retried). */
const LOCK_TIMEOUT_LOG = `.routing-decisions'))","code":"55P03"`;

/** Ctrl-C stops the phase in flight and still cleans up (the app, the schema, the groups, the topics). */
const interruption = new AbortController();

interface RoutingRunNames extends RunNames {
  baselineInput: string;
  baselineOutput: string;
}

function namesOf(runId: string): RoutingRunNames {
  return {
    ...runNamesOf('routing', runId),
    baselineInput: `bench.routing-baseline.in.${runId}`,
    baselineOutput: `bench.routing-baseline.out.${runId}`,
  };
}

/** The records of each phase, generated (and validated against the contract) before anything is timed. */
interface Workload {
  warmup: QualifiedRecord[];
  fullSpeed: QualifiedRecord[];
  fixedRate: QualifiedRecord[];
  ids: string[];
}

function workloadOf(options: RoutingBenchOptions): Workload {
  const warmup = qualifiedRecords(options.warmupEvents);
  const fullSpeed = qualifiedRecords(options.events);
  const fixedRate = qualifiedRecords(Math.max(1, Math.round(options.rate * options.rateSeconds)));
  const ids = [...warmup, ...fullSpeed, ...fixedRate].map((record) => record.qualificationId);
  return { warmup, fullSpeed, fixedRate, ids };
}

interface Measured {
  fullSpeed: report.ModeRows;
  fixedRate: report.ModeRows;
  decidedSeconds?: number;
  lockTimeouts: number;
  timings: string[];
  check: report.ExactlyOnce;
}

class RoutingBench {
  private readonly timeoutMs: number;

  constructor(
    private readonly options: RoutingBenchOptions,
    private readonly app: ServiceApp,
    private readonly db: RoutingDatabase,
    private readonly publisher: LeadPublisher,
    private readonly routing: Target,
    private readonly baseline: Target,
  ) {
    this.timeoutMs = options.timeoutSeconds * 1000;
  }

  async measure(work: Workload): Promise<Measured> {
    await this.phase(this.routing, work.warmup, 'full speed');
    await this.phase(this.baseline, work.warmup, 'full speed');
    await this.app.ioTiming();
    // Ends with the measurement whatever happens, so a failed phase leaves no poller keeping the bench alive.
    const watching = new AbortController();
    const decided = this.watchDecided(work.warmup.length + work.fullSpeed.length, watching.signal);
    try {
      const fullSpeed = {
        routing: await this.routingPhase('routing', work.fullSpeed, 'full speed'),
        baseline: await this.baselinePhase(work.fullSpeed, 'full speed'),
      };
      const timings = await this.timings('routing at full speed', work.fullSpeed.length);
      const decidedSeconds = await decided;
      const fixedRate = {
        routing: await this.routingPhase('routing', work.fixedRate, this.options.rate),
        baseline: await this.baselinePhase(work.fixedRate, this.options.rate),
      };
      timings.push(...(await this.timings(`routing at ${this.options.rate}/s`, work.fixedRate.length)));
      const lockTimeouts = this.app.linesWith(LOCK_TIMEOUT_LOG);
      const check = await this.exactlyOnce(work.ids);
      return { fullSpeed, fixedRate, decidedSeconds, lockTimeouts, timings, check };
    } finally {
      watching.abort();
    }
  }

  private phase(to: Target, records: readonly QualifiedRecord[], pace: Pace): Promise<PhaseFigures> {
    return runPhase(this.publisher, to, records, pace, this.timeoutMs, interruption.signal);
  }

  private async routingPhase(name: string, records: readonly QualifiedRecord[], pace: Pace) {
    const cpuBefore = this.app.cpuSeconds();
    const figures = await this.phase(this.routing, records, pace);
    const cpuAfter = this.app.cpuSeconds();
    const cpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
    return { name, figures, cpuMsPerThousand: cpu === undefined ? undefined : (cpu * 1e6) / figures.records };
  }

  private async baselinePhase(records: readonly QualifiedRecord[], pace: Pace) {
    return { name: 'kafkajs consume→produce', figures: await this.phase(this.baseline, records, pace) };
  }

  /** Seconds from now until `total` assignments are committed: deciding, without the outbox relay. */
  private async watchDecided(total: number, stop: AbortSignal): Promise<number | undefined> {
    const startedAt = performance.now();
    const reachedAt = await whenReached(
      `${total} assignments`,
      async () => (await this.db.assignmentCount()) >= total,
      this.timeoutMs,
      AbortSignal.any([stop, interruption.signal]),
    ).catch(() => undefined);
    return reachedAt === undefined ? undefined : (reachedAt - startedAt) / 1000;
  }

  private async timings(scenario: string, leads: number): Promise<string[]> {
    const timing = await this.app.ioTiming();
    return timing ? ['', ...ioTimingTable(`${scenario} (a "request" is one lead)`, timing, leads)] : [];
  }

  private async exactlyOnce(ids: string[]): Promise<report.ExactlyOnce> {
    const tally = this.routing.counts.tally(ids);
    const stored = await this.db.outcomeOf(ids);
    return {
      published: ids.length,
      once: tally.once,
      missing: tally.missing,
      duplicated: tally.duplicated,
      routedRecords: tally.records,
      foreign: this.routing.counts.foreign,
      ...stored,
    };
  }
}

function startApp(options: RoutingBenchOptions, names: RoutingRunNames, adminToken: string, port: number, io?: string) {
  return ServiceApp.start({
    app: 'routing',
    root: ROOT,
    port,
    cpuProfDir: options.cpuProfDir,
    ioTimingFile: io,
    env: {
      DATABASE_SCHEMA: names.schema,
      ROUTING_CONSUMER_GROUP_ID: names.appGroup,
      ROUTING_ADMIN_TOKEN: adminToken,
      ROUTING_CHUNK_SIZE: String(options.chunkSize),
      ROUTING_PARTITIONS_CONCURRENTLY: String(options.partitionsConcurrently),
      LOG_LEVEL: 'warn',
    },
  });
}

function output(measured: Measured): string[] {
  return [
    '',
    ...report.modeTable('full speed', measured.fullSpeed),
    '',
    ...report.modeTable(`fixed rate`, measured.fixedRate),
    ...report.NOTES,
    report.decidedLine(measured.decidedSeconds, measured.fullSpeed.routing),
    report.lockTimeoutLine(measured.lockTimeouts),
    '',
    ...report.ratioTable(measured.fullSpeed, measured.fixedRate),
    '',
    report.exactlyOnceLine(measured.check),
    ...measured.timings,
  ];
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) return void console.log(ROUTING_USAGE);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => interruption.abort(new Error(`interrupted by ${signal}`)));
  const options = parseRoutingOptions(process.argv.slice(2), process.env);
  const runId = randomBytes(4).toString('hex');
  const names = namesOf(runId);
  const reps = benchReps(runId, options.reps);
  console.log(
    [...machineHeader(ROOT), ...report.routingSettingsLines(options, timeZoneCount(reps), PARTITIONS)].join('\n'),
  );
  ensureInfra(ROOT);
  ensureBuilt(ROOT, progress, 'routing');
  await ensureTopics(ROOT, options.brokers, [...APP_TOPICS, Topics.leadRouted.name]);
  await startGroupAtEnd(options.brokers, names.appGroup, APP_TOPICS);

  const adminToken = randomBytes(24).toString('hex');
  const ioTimingFile = options.ioTiming ? join(tmpdir(), `bench-io-timing-${runId}.json`) : undefined;
  const app = startApp(options, names, adminToken, await freePort(), ioTimingFile);
  process.once('exit', () => app.kill());
  app.watchLogs(LOCK_TIMEOUT_LOG);
  progress(`routing starting on ${app.baseUrl} (schema ${names.schema}, group ${names.appGroup})`);
  const routing = target('routing', Topics.leadQualifiedV2.name);
  const baseline = target('kafkajs consume→produce', names.baselineInput);
  const closers: (readonly [what: string, close: () => Promise<unknown>])[] = [];
  let measured: Measured | undefined;
  let bootSeconds = 0;
  try {
    bootSeconds = await app.waitReady();
    await seedDirectory(app.baseUrl, adminToken, reps);
    progress(`routing ready after ${bootSeconds.toFixed(1)} s; ${reps.length} reps and pool inbound seeded`);
    const db = await RoutingDatabase.connect(options.databaseUrl, names.schema);
    closers.push(['probe connection closed', () => db.close()]);
    const work = workloadOf(options);
    const published = new Set(work.ids);
    const route = arrivalRouter(routing, baseline, names.baselineOutput, new Set(reps.map((r) => r.id)), published);
    const forwarder = await ConsumeProduceBaseline.start(
      options.brokers,
      { input: names.baselineInput, output: names.baselineOutput, partitions: PARTITIONS },
      {
        groupId: names.baselineGroup,
        chunkSize: options.chunkSize,
        partitionsConcurrently: options.partitionsConcurrently,
      },
    );
    closers.push(['baseline stopped, its two topics deleted', () => forwarder.stop()]);
    // After the forwarder: it creates the output topic the reader subscribes to.
    const reader = await ArrivalReader.start(
      options.brokers,
      names.readerGroup,
      [Topics.leadRouted.name, names.baselineOutput],
      route,
    );
    closers.push(['arrival reader stopped', () => reader.stop()]);
    const publisher = await LeadPublisher.connect(options.brokers);
    closers.push(['publisher disconnected', () => publisher.disconnect()]);
    measured = await new RoutingBench(options, app, db, publisher, routing, baseline).measure(work);
  } finally {
    const recentLogs = app.recentLogs();
    await cleanUp([
      ['routing stopped (SIGTERM), exit code', () => app.stop()],
      ...closers.reverse(),
      ...runNamesCleanup(names, options.brokers, options.databaseUrl),
      ...(ioTimingFile ? [['io timing file removed', () => rm(ioTimingFile, { force: true })] as const] : []),
    ]);
    if (recentLogs.length > 0) progress(`last routing log lines (LOG_LEVEL=warn):\n${recentLogs.join('\n')}`);
  }
  if (options.cpuProfDir) console.error(summariseCpuProfile(options.cpuProfDir, bootSeconds).join('\n'));
  console.log(output(measured).join('\n'));
  if (!report.exactlyOnceHolds(measured.check)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
