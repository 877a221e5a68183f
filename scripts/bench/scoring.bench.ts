/**
 * `npm run bench:scoring`: the scoring service's applied events/s (inbox, batched writes and outbox on) on
 * engagement.recorded.v1, next to a bare kafkajs consume-only loop reading the same events in the same run,
 * plus the database rows written per event. Starts the infra and the built app itself and cleans up after.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Topics } from '@handoff/contracts';
import { deleteGroup, dropSchema, endOffsetsOf, setGroupOffsets, type TopicOffsets, waitFor } from '@handoff/testing';
import { ensureInfra, ensureTopics } from './bench-infra';
import { machineHeader } from './bench-report';
import { consumeBaseline } from './consume-baseline';
import { summariseCpuProfile } from './cpu-profile-summary';
import { ensureBuilt, freePort, ServiceApp } from './ingest-app';
import { type ScoringBenchOptions, parseScoringOptions, SCORING_USAGE } from './scoring-options';
import { ScoringDatabase, type TableWrites } from './scoring-database';
import { produceEngagements, scoringEvents } from './scoring-events';
import { type ConsumerRow, consumersTable, scoringSettingsLine, writesTable } from './scoring-report';
import { cleanUp, progress } from './bench-progress';

const ROOT = resolve(__dirname, '../..');
const ENGAGEMENTS = Topics.engagementRecorded.name;
/** Every topic the app's group subscribes to: all must start at their end, or it replays other runs' records. */
const APP_TOPICS = [ENGAGEMENTS, Topics.leadMerged.name, Topics.salesActivity.name];
const POLL_MS = 100;
const OUTBOX_DRAIN_TIMEOUT_MS = 20_000;

function count(offsets: TopicOffsets, from: TopicOffsets, topic: string): number {
  const start = new Map((from.get(topic) ?? []).map(({ partition, offset }) => [partition, Number(offset)]));
  return (offsets.get(topic) ?? []).reduce(
    (sum, { partition, offset }) => sum + Number(offset) - (start.get(partition) ?? 0),
    0,
  );
}

function delta(after: TableWrites[], before: TableWrites[]): TableWrites[] {
  const earlier = new Map(before.map((row) => [row.table, row]));
  return after
    .map((row) => {
      const was = earlier.get(row.table);
      return {
        table: row.table,
        inserted: row.inserted - (was?.inserted ?? 0),
        updated: row.updated - (was?.updated ?? 0),
        deleted: row.deleted - (was?.deleted ?? 0),
      };
    })
    .filter((row) => row.inserted + row.updated + row.deleted > 0);
}

/** When `check` first held: what the bench measures, polled at POLL_MS. */
async function timeWhen(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<number> {
  await waitFor(what, check, { timeoutMs, intervalMs: POLL_MS });
  return Date.now();
}

interface ScoringRun {
  row: ConsumerRow;
  writes: TableWrites[];
  drainSeconds?: number;
  commits: number;
}

async function runScoring(
  options: ScoringBenchOptions,
  app: ServiceApp,
  db: ScoringDatabase,
  events: number,
): Promise<ScoringRun> {
  await app.waitReady();
  const readyAt = Date.now();
  const cpuAtReady = app.cpuSeconds();
  const before = await db.applied();
  // Counted as soon as possible after ready: what was flushed by then (migrations, model) is not the events' work.
  const writesAtReady = await db.tableWrites();
  const commitsAtReady = await db.databaseCommits();
  progress(`scoring ready, ${before} event(s) already applied; waiting for ${events}`);
  let last = 0;
  const doneAt = await timeWhen('all events applied', options.timeoutSeconds * 1000, async () => {
    const applied = await db.applied();
    if (applied - last >= 5000 || applied >= events) progress(`applied ${(last = applied)}/${events}`);
    return applied >= events;
  });
  const cpuAtDone = app.cpuSeconds();
  const commits = (await db.databaseCommits()) - commitsAtReady;
  const drainedAt = await timeWhen(
    'outbox drained',
    OUTBOX_DRAIN_TIMEOUT_MS,
    async () => (await db.outbox()).unpublished === 0,
  ).catch(() => undefined);
  progress(`app stopped (SIGTERM), exit code ${await app.stop()}`);
  const row: ConsumerRow = {
    name: 'scoring (inbox + outbox)',
    events,
    before,
    seconds: (doneAt - readyAt) / 1000,
    cpuSeconds: cpuAtReady === undefined || cpuAtDone === undefined ? undefined : cpuAtDone - cpuAtReady,
  };
  const writes = delta(await db.tableWrites(), writesAtReady);
  return { row, writes, drainSeconds: drainedAt === undefined ? undefined : (drainedAt - doneAt) / 1000, commits };
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) return void console.log(SCORING_USAGE);
  const options = parseScoringOptions(process.argv.slice(2), process.env);
  const runId = randomBytes(4).toString('hex');
  const schema = `bench_scoring_${runId}`;
  const appGroup = `scoring.bench-${runId}`;
  const baselineGroup = `scoring.bench-baseline-${runId}`;
  console.log([...machineHeader(ROOT), scoringSettingsLine(options, Topics.engagementRecorded.partitions)].join('\n'));
  ensureInfra(ROOT);
  ensureBuilt(ROOT, progress, 'scoring');
  await ensureTopics(ROOT, options.brokers, APP_TOPICS);

  const from = await endOffsetsOf(options.brokers, APP_TOPICS);
  progress(`producing ${options.events} events for ${options.leads} leads to ${ENGAGEMENTS}`);
  const producedAt = Date.now();
  await produceEngagements(options.brokers, scoringEvents(options.events, options.leads));
  const until = await endOffsetsOf(options.brokers, [ENGAGEMENTS]);
  const inRange = count(until, from, ENGAGEMENTS);
  progress(`produced in ${((Date.now() - producedAt) / 1000).toFixed(1)} s; ${inRange} records in the range`);
  await setGroupOffsets(options.brokers, appGroup, from);

  const app = ServiceApp.start({
    app: 'scoring',
    root: ROOT,
    port: await freePort(),
    cpuProfDir: options.cpuProfDir,
    env: {
      DATABASE_SCHEMA: schema,
      SCORING_CONSUMER_GROUP_ID: appGroup,
      SCORING_SWEEP_ENABLED: 'false',
      SCORING_CHUNK_SIZE: String(options.chunkSize),
      SCORING_PARTITIONS_CONCURRENTLY: String(options.partitionsConcurrently),
      LOG_LEVEL: 'warn',
    },
  });
  progress(`scoring starting on ${app.baseUrl} (schema ${schema}, group ${appGroup})`);
  const db = await ScoringDatabase.connect(options.databaseUrl, schema);
  let output: string[] = [];
  try {
    const scoring = await runScoring(options, app, db, inRange);
    const outbox = await db.outbox();
    progress(`baseline: kafkajs consume-only loop in group ${baselineGroup}`);
    const bare = await consumeBaseline(
      options.brokers,
      baselineGroup,
      [ENGAGEMENTS],
      from,
      until,
      options.partitionsConcurrently,
      options.timeoutSeconds * 1000,
    );
    const baseline: ConsumerRow = { name: 'kafkajs consume-only', before: 0, ...bare };
    output = [
      '',
      ...consumersTable(scoring.row, baseline),
      '',
      ...writesTable(scoring.writes, inRange - scoring.row.before, outbox, scoring.drainSeconds),
      `database-wide commits while scoring applied the events: ${scoring.commits} ` +
        `(pg_stat_database xact_commit, every client included: context, not attributable)`,
    ];
  } finally {
    const recentLogs = app.recentLogs();
    await cleanUp([
      ['scoring stopped (SIGTERM), exit code', () => app.stop()],
      ['probe connection closed', () => db.close()],
      [`schema ${schema} dropped`, () => dropSchema(schema, options.databaseUrl)],
      ['scoring consumer group deleted', () => deleteGroup(options.brokers, appGroup)],
      ['baseline consumer group deleted', () => deleteGroup(options.brokers, baselineGroup)],
    ]);
    if (recentLogs.length > 0) progress(`last scoring log lines (LOG_LEVEL=warn):\n${recentLogs.join('\n')}`);
  }
  if (options.cpuProfDir) console.error(summariseCpuProfile(options.cpuProfDir, 0).join('\n'));
  console.log(output.join('\n'));
}

main().catch((error: unknown) => {
  console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
