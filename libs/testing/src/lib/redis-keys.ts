import type Redis from 'ioredis';

/**
 * Unlinks every key matching `pattern` and says how many: how tests and benchmarks clean up after
 * themselves. SCAN in pages rather than KEYS, which would block the Redis every other run shares.
 */
export async function deleteKeysMatching(redis: Redis, pattern: string): Promise<number> {
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 5000);
    if (keys.length > 0) deleted += await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
  return deleted;
}
