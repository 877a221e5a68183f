import { spawnSync } from 'node:child_process';
import { deleteGroup, deleteKeysMatching, dropSchema, endOffsetsOf } from '@handoff/testing';
import Redis from 'ioredis';
import { progress } from './bench-progress';

/** Starts whatever of Kafka, PostgreSQL and Redis is down (idempotent), its output on stderr. */
export function ensureInfra(root: string): void {
  const up = spawnSync('bash', ['scripts/infra/up.sh'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (up.status !== 0) throw new Error(`scripts/infra/up.sh failed (exit ${up.status})`);
}

/** Provisions the shared topics when any of `topics` is missing (a fresh broker), its output on stderr. */
export async function ensureTopics(root: string, brokers: string[], topics: readonly string[]): Promise<void> {
  if ((await endOffsetsOf(brokers, topics)).size === topics.length) return;
  progress('topics missing: npm run topics:provision');
  const run = spawnSync('npm', ['run', 'topics:provision'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (run.status !== 0) throw new Error(`npm run topics:provision failed (exit ${run.status})`);
}

/** Deletes the bench source's de-duplication and rate-limit keys, which would otherwise live for days. */
export async function deleteSourceKeys(redisUrl: string, sourceId: string): Promise<number> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let deleted = 0;
    for (const pattern of [`ingest:dedupe:${sourceId}:*`, `ingest:ratelimit:*${sourceId}*`]) {
      deleted += await deleteKeysMatching(redis, pattern);
    }
    return deleted;
  } finally {
    redis.disconnect();
  }
}

/** A service bench's own schema and consumer groups, fresh for each run and removed after it. */
export interface RunNames {
  schema: string;
  appGroup: string;
  baselineGroup: string;
  readerGroup: string;
}

export function runNamesOf(service: string, runId: string): RunNames {
  return {
    schema: `bench_${service}_${runId}`,
    appGroup: `${service}.bench-${runId}`,
    baselineGroup: `${service}.bench-baseline-${runId}`,
    readerGroup: `${service}.bench-reader-${runId}`,
  };
}

/** The cleanup steps that drop the run's schema and delete its consumer groups (once the app has stopped). */
export function runNamesCleanup(
  names: RunNames,
  brokers: string[],
  databaseUrl: string,
): (readonly [what: string, step: () => Promise<unknown>])[] {
  return [
    [`schema ${names.schema} dropped`, () => dropSchema(names.schema, databaseUrl)],
    ...[names.appGroup, names.baselineGroup, names.readerGroup].map(
      (group) => [`consumer group ${group} deleted`, () => deleteGroup(brokers, group)] as const,
    ),
  ];
}
