import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import { REDIS_CLIENT } from '@handoff/platform-redis';

/** Failed sign-ins one user name may take from one address in a window before sign-in answers 429. */
export const MAX_FAILED_SIGN_INS = 10;
export const FAILED_SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

/** Counts failed sign-ins per user name and client address in Redis (shared by every replica). */
@Injectable()
export class SignInThrottle {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async isBlocked(username: string, clientIp: string): Promise<boolean> {
    const failures = Number(await this.redis.get(keyOf(username, clientIp)));
    return failures >= MAX_FAILED_SIGN_INS;
  }

  /** The window starts at the first failure and is not extended by later ones. */
  async recordFailure(username: string, clientIp: string): Promise<void> {
    const key = keyOf(username, clientIp);
    const failures = await this.redis.incr(key);
    if (failures === 1) await this.redis.pexpire(key, FAILED_SIGN_IN_WINDOW_MS);
  }

  async clear(username: string, clientIp: string): Promise<void> {
    await this.redis.unlink(keyOf(username, clientIp));
  }
}

// A digest: the key names neither the user nor the address.
function keyOf(username: string, clientIp: string): string {
  const digest = createHash('sha256').update(`${username.toLowerCase()}\n${clientIp}`).digest('base64url');
  return `console:sign-in-failures:${digest}`;
}
