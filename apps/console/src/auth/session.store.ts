import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import type { ConsoleUser } from '@handoff/console-api';
import { REDIS_CLIENT } from '@handoff/platform-redis';
import { ConsoleConfig } from '../app/console.config';
import type { ConsoleSession, OidcAttempt, SessionData } from './console-session';

/** How long a signed-out visitor's pre-session (CSRF token, OIDC attempt) lives. */
export const PRE_SESSION_TTL_MS = 15 * 60 * 1000;

/**
 * Sessions in Redis under a digest of their random id (a copy of Redis holds no usable cookie), each with an
 * absolute expiry: a user session ends CONSOLE_SESSION_TTL_MS after sign-in whatever the activity.
 */
@Injectable()
export class SessionStore {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly config: ConsoleConfig,
  ) {}

  startPreSession(): Promise<ConsoleSession> {
    return this.start({ kind: 'pre', csrfToken: randomToken() }, PRE_SESSION_TTL_MS);
  }

  /** A new id and CSRF token: whatever id the browser held before sign-in is worth nothing after it. */
  startUserSession(user: ConsoleUser): Promise<ConsoleSession> {
    const session = { kind: 'user', csrfToken: randomToken(), user, signedInAt: new Date().toISOString() } as const;
    return this.start(session, this.config.CONSOLE_SESSION_TTL_MS);
  }

  async read(id: string): Promise<ConsoleSession | undefined> {
    const stored = await this.redis.get(keyOf(id));
    return stored === null ? undefined : { ...(JSON.parse(stored) as SessionData), id };
  }

  /** Keeps the pre-session's expiry; false when it expired meanwhile. */
  async attachOidcAttempt(session: ConsoleSession, oidc: OidcAttempt): Promise<boolean> {
    const { id, ...data } = session;
    const written = await this.redis.set(keyOf(id), JSON.stringify({ ...data, oidc }), 'KEEPTTL', 'XX');
    return written === 'OK';
  }

  async end(id: string): Promise<void> {
    await this.redis.unlink(keyOf(id));
  }

  private async start(data: SessionData, ttlMs: number): Promise<ConsoleSession> {
    const id = randomToken();
    await this.redis.set(keyOf(id), JSON.stringify(data), 'PX', ttlMs);
    return { ...data, id };
  }
}

function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

function keyOf(id: string): string {
  return `console:session:${createHash('sha256').update(id).digest('base64url')}`;
}
