import { spawnSync } from 'node:child_process';
import { deleteKeysMatching } from '@handoff/testing';
import Redis from 'ioredis';

/** Starts whatever of Kafka, PostgreSQL and Redis is down (idempotent), its output on stderr. */
export function ensureInfra(root: string): void {
  const up = spawnSync('bash', ['scripts/infra/up.sh'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (up.status !== 0) throw new Error(`scripts/infra/up.sh failed (exit ${up.status})`);
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
