/**
 * Measures the Redis memory ingest's de-duplication needs per remembered message id:
 *   npm run bench:dedupe-memory -- [--count 200000] [--batch 500] [--db 14] [--samples 2000]
 * Reserves and confirms `count` fresh message ids through the real DedupeStore, on Redis database `db` of
 * REDIS_URL under a fresh source id, reads memory before and after, prints bytes per id and the projection per
 * million ids, then deletes its keys. It lives in the ingest app because it drives ingest's own store.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import Redis from 'ioredis';
import { validateConfig } from '@handoff/platform-config';
import { deleteKeysMatching } from '@handoff/testing';
import { IngestConfig } from '../app/ingest.config';
import { DedupeStore } from '../engagement/dedupe.store';

const MIB = 1024 * 1024;

interface BenchOptions {
  count: number;
  batch: number;
  db: number;
  samples: number;
  config: IngestConfig;
}

function readOptions(): BenchOptions {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '200000' },
      batch: { type: 'string', default: '500' },
      db: { type: 'string', default: '14' },
      samples: { type: 'string', default: '2000' },
    },
  });
  const numbers = [values.count, values.batch, values.db, values.samples].map(Number);
  if (numbers.some((value) => !Number.isInteger(value) || value < 0)) {
    throw new Error('usage: npm run bench:dedupe-memory -- [--count N] [--batch N] [--db N] [--samples N]');
  }
  const [count, batch, db, samples] = numbers;
  // The service's own config: REDIS_URL and INGEST_DEDUPE_WINDOW_SECONDS as ingest would read them.
  return { count, batch, db, samples, config: validateConfig(IngestConfig)(process.env) };
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  const match = /^used_memory:(\d+)/m.exec(info);
  if (!match) throw new Error('INFO memory has no used_memory');
  return Number(match[1]);
}

/** Writes the ids as ingest does: reserved (pending) before the publish, confirmed for the window after it. */
async function remember(store: DedupeStore, sourceId: string, options: BenchOptions): Promise<string[]> {
  const ids: string[] = [];
  for (let written = 0; written < options.count; written += options.batch) {
    const batch = Array.from({ length: Math.min(options.batch, options.count - written) }, () => randomUUID());
    await store.reserve(sourceId, batch);
    await store.confirm(sourceId, batch);
    ids.push(...batch);
  }
  return ids;
}

/** MEMORY USAGE of a sample of the keys: what Redis accounts to each key, value and its dictionary entry. */
async function sampledBytesPerKey(redis: Redis, keys: string[], samples: number): Promise<number> {
  const step = Math.max(1, Math.floor(keys.length / Math.max(1, samples)));
  const picked = keys.filter((_, index) => index % step === 0).slice(0, samples);
  const usages = await Promise.all(picked.map((key) => redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0')));
  return usages.reduce<number>((sum, usage) => sum + Number(usage), 0) / Math.max(1, picked.length);
}

async function main(): Promise<void> {
  const options = readOptions();
  const { config } = options;
  const url = new URL(config.REDIS_URL);
  url.pathname = `/${options.db}`;
  const redis = new Redis(url.toString(), { maxRetriesPerRequest: 1 });
  const store = new DedupeStore(redis, config);
  // A uuid, like a real source id, so keys are as long as in production.
  const sourceId = randomUUID();
  const pattern = `ingest:dedupe:${sourceId}:*`;
  try {
    const before = await usedMemory(redis);
    const started = Date.now();
    const ids = await remember(store, sourceId, options);
    const after = await usedMemory(redis);
    const keys = ids.map((id) => `ingest:dedupe:${sourceId}:${id}`);
    const perKey = await sampledBytesPerKey(redis, keys, options.samples);
    const perIdUsed = (after - before) / options.count;
    report({
      ids: options.count,
      seconds: (Date.now() - started) / 1000,
      usedMemoryDeltaBytes: after - before,
      bytesPerIdUsedMemory: round(perIdUsed),
      bytesPerIdMemoryUsage: round(perKey),
      mibPerMillionIds: round((Math.max(perIdUsed, perKey) * 1_000_000) / MIB),
      windowSeconds: config.INGEST_DEDUPE_WINDOW_SECONDS,
    });
  } finally {
    const deleted = await deleteKeysMatching(redis, pattern);
    process.stdout.write(`${JSON.stringify({ msg: 'bench keys deleted', deleted })}\n`);
    redis.disconnect();
  }
}

function report(figures: Record<string, number>): void {
  const lines = [
    `de-duplication memory: ${figures['ids']} message ids (uuid) remembered in ${figures['seconds']} s`,
    `  used_memory grew      ${figures['usedMemoryDeltaBytes']} bytes = ${figures['bytesPerIdUsedMemory']} bytes per id (server-wide: other clients add noise)`,
    `  MEMORY USAGE sampled  ${figures['bytesPerIdMemoryUsage']} bytes per key`,
    `  projection            ${figures['mibPerMillionIds']} MiB per million remembered ids (the larger figure)`,
    `  sizing: ids remembered = window (${figures['windowSeconds']} s) x events per second; memory = ids x bytes per id`,
  ];
  process.stdout.write(`${lines.join('\n')}\n${JSON.stringify({ msg: 'dedupe memory', ...figures })}\n`);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
