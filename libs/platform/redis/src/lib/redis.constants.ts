/** Injection token of the shared ioredis client. */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
export const REDIS_OPTIONS = Symbol('REDIS_OPTIONS');

export interface RedisOptions {
  /** redis:// or rediss:// URL (credentials included); never logged. */
  url: string;
  /** Shown in `CLIENT LIST`, e.g. the service name. */
  connectionName?: string;
  /** A command waiting longer than this fails instead of hanging the caller. Default 2000. */
  commandTimeoutMs?: number;
  /** PING deadline of the readiness check. Default 1000. */
  healthTimeoutMs?: number;
}
