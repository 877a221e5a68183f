import { spawnSync } from 'node:child_process';
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
  let deleted = 0;
  try {
    for (const pattern of [`ingest:dedupe:${sourceId}:*`, `ingest:ratelimit:*${sourceId}*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 5000);
        if (keys.length > 0) deleted += await redis.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
  return deleted;
}
