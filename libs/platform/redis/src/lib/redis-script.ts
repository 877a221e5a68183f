import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

type ScriptArgument = string | number;

/**
 * A Lua script run by its SHA1, so its text crosses the wire only when Redis's script cache lacks it (empty after
 * a restart or failover): then it is sent whole once and cached again.
 */
export class RedisScript {
  readonly sha1: string;

  constructor(readonly source: string) {
    this.sha1 = createHash('sha1').update(source).digest('hex');
  }

  async run(redis: Redis, keys: readonly string[], args: readonly ScriptArgument[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha1, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}
