/**
 * `npm run bench:quota`: outcomes applied per second by the quota service (inbox, deal folding, workload and one
 * rep.capacity.v1 per rep per chunk through the outbox) on a mix of sales.activity.v1, sales.crm_outcome.v1 and
 * lead.routed.v1 for 500 reps in 20 teams, next to a bare kafkajs consume-only loop reading the same records in the
 * same run; then outcome → rep.capacity.v1 latency at a fixed rate. Starts the infra and the built app itself and
 * cleans up after. Size: --events (full speed), --rate and --rate-seconds (latency phase), --warmup-events, --reps,
 * --teams; `--help` lists every flag.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Topics } from '@handoff/contracts';
import { endOffsetsOf, startGroupAtEnd } from '@handoff/testing';
import { PhaseLatency } from './arrival-latency';
import { ArrivalReader } from './arrival-reader';
import { ensureInfra, ensureTopics, type RunNames, runNamesCleanup, runNamesOf } from './bench-infra';
import { cleanUp, progress } from './bench-progress';
import { machineHeader } from './bench-report';
import { consumeBaseline } from './consume-baseline';
import { summariseCpuProfile } from './cpu-profile-summary';
import { ensureBuilt, freePort, ServiceApp } from './ingest-app';
import { QuotaDatabase } from './quota-database';
import { mixOf, type OutcomeRecord, outcomeRecords, QUOTA_INPUTS } from './quota-events';
import { parseQuotaOptions, type QuotaBenchOptions, QUOTA_USAGE } from './quota-options';
import { OutcomePublisher } from './quota-publisher';
import * as report from './quota-report';
import { benchReps } from './routing-directory';
import { whenReached } from './routing-phases';

const ROOT = resolve(__dirname, '../..');
/** The app's defaults, set explicitly: the seeded quotas must be for the period the app computes capacity in. */
const CALENDAR = { fiscalYearStartMonth: 1, timeZone: 'UTC' };
/** Far beyond a run: the periodic refresh (every rep, pace moves with time) would otherwise land in a phase. */
const CAPACITY_REFRESH_MS = 3_600_000;

/** Ctrl-C stops the phase in flight and still cleans up (the app, the schema, the groups). */
const interruption = new AbortController();

interface Workload {
  warmup: OutcomeRecord[];
  fullSpeed: OutcomeRecord[];
  fixedRate: OutcomeRecord[];
}

interface Measured {
  fullSpeed: report.FullSpeed;
  fixedRate: report.FixedRate;
}

/** Reads rep.capacity.v1 for this run's reps: counts them, and times the fixed-rate phase's outcomes. */
class CapacityArrivals {
  received = 0;
  phase?: PhaseLatency;
  readonly ownReps: ReadonlySet<string>;

  constructor(readonly repIds: readonly string[]) {
    this.ownReps = new Set(repIds);
  }

  readonly onArrival = ({ value, receivedAt }: { value: unknown; receivedAt: number }): void => {
    const record = value as { repId?: string; correlationId?: string };
    if (!record.repId || !this.ownReps.has(record.repId)) return;
    this.received++;
    if (record.correlationId) this.phase?.arrivedOf(record.correlationId, receivedAt);
  };
}

class QuotaBench {
  private readonly timeoutMs: number;

  constructor(
    private readonly options: QuotaBenchOptions,
    private readonly names: RunNames,
    private readonly app: ServiceApp,
    private readonly db: QuotaDatabase,
    private readonly publisher: OutcomePublisher,
    private readonly arrivals: CapacityArrivals,
  ) {
    this.timeoutMs = options.timeoutSeconds * 1000;
  }

  async measure(work: Workload): Promise<Measured> {
    progress(`warm-up: ${work.warmup.length} outcomes`);
    await this.publisher.burst(work.warmup);
    await this.applied(work.warmup);
    await this.capacityPublished();
    const fullSpeed = await this.fullSpeed(work.fullSpeed);
    const fixedRate = await this.fixedRate(work.fixedRate);
    return { fullSpeed, fixedRate };
  }

  private async fullSpeed(records: OutcomeRecord[]): Promise<report.FullSpeed> {
    const from = await endOffsetsOf(this.options.brokers, QUOTA_INPUTS);
    const capacityBefore = (await this.db.capacityOutbox(this.arrivals.repIds)).total;
    const appliedBefore = await this.db.applied();
    progress(`quota: ${records.length} outcomes at full speed`);
    const cpuBefore = this.app.cpuSeconds();
    const startedAt = performance.now();
    await this.publisher.burst(records);
    const publishSeconds = (performance.now() - startedAt) / 1000;
    const doneAt = await this.applied(records);
    const cpuAfter = this.app.cpuSeconds();
    const foreign = (await this.db.applied()) - appliedBefore - records.length;
    const until = await endOffsetsOf(this.options.brokers, QUOTA_INPUTS);
    const drainedAt = await this.capacityPublished();
    const capacityRecords = (await this.db.capacityOutbox(this.arrivals.repIds)).total - capacityBefore;
    const quota: report.ThroughputRow = {
      name: 'quota (inbox + outbox)',
      outcomes: records.length,
      seconds: (doneAt - startedAt) / 1000,
      cpuSeconds: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
    };
    progress(`quota: ${Math.round(quota.outcomes / quota.seconds)} outcomes/s; baseline: kafkajs consume-only`);
    const bare = await consumeBaseline(
      this.options.brokers,
      this.names.baselineGroup,
      QUOTA_INPUTS,
      from,
      until,
      this.options.partitionsConcurrently,
      this.timeoutMs,
    );
    const baseline = { name: 'kafkajs consume-only', outcomes: bare.events, ...bare };
    const drainSeconds = (drainedAt - doneAt) / 1000;
    return { quota, baseline, publishSeconds, capacityRecords, drainSeconds, foreign };
  }

  private async fixedRate(records: OutcomeRecord[]): Promise<report.FixedRate> {
    const phase = new PhaseLatency(records.length);
    this.arrivals.phase = phase;
    progress(`quota: ${records.length} outcomes at ${this.options.rate}/s`);
    try {
      const startedAt = performance.now();
      await this.publisher.atRate(records, this.options.rate, (id, at) => phase.sent(id, at), interruption.signal);
      const doneAt = await this.applied(records);
      await this.capacityPublished();
      return { outcomes: records.length, seconds: (doneAt - startedAt) / 1000, latency: phase.figures() };
    } finally {
      this.arrivals.phase = undefined;
    }
  }

  /** performance.now() once every one of `records` is committed in quota's inbox. */
  private async applied(records: readonly OutcomeRecord[]): Promise<number> {
    const ids = records.map((record) => record.eventId);
    const target = (await this.db.applied()) + ids.length - (await this.db.appliedOf(ids));
    // The cheap count first (other publishers' records on the shared topics may inflate it), then the exact one.
    return whenReached(
      `${ids.length} outcomes applied`,
      async () => (await this.db.applied()) >= target && (await this.db.appliedOf(ids)) === ids.length,
      this.timeoutMs,
      interruption.signal,
    );
  }

  /** performance.now() once every capacity record in the outbox is published and read back by the bench. */
  private capacityPublished(): Promise<number> {
    return whenReached(
      'rep.capacity.v1 published and received',
      async () => {
        const { total, unpublished } = await this.db.capacityOutbox(this.arrivals.repIds);
        return unpublished === 0 && this.arrivals.received >= total;
      },
      this.timeoutMs,
      interruption.signal,
    );
  }
}

function startApp(options: QuotaBenchOptions, names: RunNames, port: number): ServiceApp {
  return ServiceApp.start({
    app: 'quota',
    root: ROOT,
    port,
    cpuProfDir: options.cpuProfDir,
    env: {
      DATABASE_SCHEMA: names.schema,
      QUOTA_CONSUMER_GROUP_ID: names.appGroup,
      QUOTA_CHUNK_SIZE: String(options.chunkSize),
      QUOTA_PARTITIONS_CONCURRENTLY: String(options.partitionsConcurrently),
      QUOTA_CAPACITY_REFRESH_MS: String(CAPACITY_REFRESH_MS),
      QUOTA_FISCAL_YEAR_START_MONTH: String(CALENDAR.fiscalYearStartMonth),
      QUOTA_TIME_ZONE: CALENDAR.timeZone,
      LOG_LEVEL: 'warn',
    },
  });
}

function workloadOf(options: QuotaBenchOptions, repIds: readonly string[]): Workload {
  return {
    warmup: outcomeRecords(options.warmupEvents, repIds),
    fullSpeed: outcomeRecords(options.events, repIds),
    fixedRate: outcomeRecords(Math.max(1, Math.round(options.rate * options.rateSeconds)), repIds),
  };
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) return void console.log(QUOTA_USAGE);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => interruption.abort(new Error(`interrupted by ${signal}`)));
  const options = parseQuotaOptions(process.argv.slice(2), process.env);
  const runId = randomBytes(4).toString('hex');
  const names = runNamesOf('quota', runId);
  const repIds = benchReps(runId, options.reps).map((rep) => rep.id);
  const teamIds = Array.from({ length: options.teams }, (_, index) => `bench-${runId}-team-${index + 1}`);
  // Generated (and validated against the contracts) before anything is timed.
  const work = workloadOf(options, repIds);
  ensureInfra(ROOT);
  ensureBuilt(ROOT, progress, 'quota');
  await ensureTopics(ROOT, options.brokers, [...QUOTA_INPUTS, Topics.repCapacity.name]);
  await startGroupAtEnd(options.brokers, names.appGroup, QUOTA_INPUTS);

  const app = startApp(options, names, await freePort());
  process.once('exit', () => app.kill());
  progress(`quota starting on ${app.baseUrl} (schema ${names.schema}, group ${names.appGroup})`);
  const closers: (readonly [what: string, close: () => Promise<unknown>])[] = [];
  let measured: Measured | undefined;
  let periodId = '';
  let bootSeconds = 0;
  try {
    bootSeconds = await app.waitReady();
    const db = await QuotaDatabase.connect(options.databaseUrl, names.schema);
    closers.push(['probe connection closed', () => db.close()]);
    const seeded = await db.seed(CALENDAR, repIds, teamIds);
    periodId = seeded.periodId;
    progress(
      `quota ready after ${bootSeconds.toFixed(1)} s; seeded ${seeded.quotas} quotas for ${periodId} and ` +
        `${seeded.memberships} team memberships`,
    );
    const arrivals = new CapacityArrivals(repIds);
    const reader = await ArrivalReader.start(
      options.brokers,
      names.readerGroup,
      [Topics.repCapacity.name],
      arrivals.onArrival,
    );
    closers.push(['arrival reader stopped', () => reader.stop()]);
    const publisher = await OutcomePublisher.connect(options.brokers);
    closers.push(['publisher disconnected', () => publisher.disconnect()]);
    measured = await new QuotaBench(options, names, app, db, publisher, arrivals).measure(work);
  } finally {
    const recentLogs = app.recentLogs();
    await cleanUp([
      ['quota stopped (SIGTERM), exit code', () => app.stop()],
      ...closers.reverse(),
      ...runNamesCleanup(names, options.brokers, options.databaseUrl),
    ]);
    if (recentLogs.length > 0) progress(`last quota log lines (LOG_LEVEL=warn):\n${recentLogs.join('\n')}`);
  }
  if (options.cpuProfDir) console.error(summariseCpuProfile(options.cpuProfDir, bootSeconds).join('\n'));
  console.log(
    [
      ...machineHeader(ROOT),
      ...report.settingsLines(options, periodId, mixOf(work.fullSpeed)),
      '',
      ...report.fullSpeedTable(measured.fullSpeed),
      '',
      ...report.fixedRateTable(options.rate, measured.fixedRate),
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
