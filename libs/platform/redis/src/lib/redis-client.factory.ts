import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import type { RedisOptions } from './redis.constants';

const DEFAULT_COMMAND_TIMEOUT_MS = 2000;
const CONNECT_TIMEOUT_MS = 2000;
const MAX_RECONNECT_DELAY_MS = 2000;
/** ioredis waits this long for a dropped socket to close; its 2 s default delays process exit. */
const DISCONNECT_TIMEOUT_MS = 300;

/** Keeps reconnecting for as long as the process lives, backing off to one attempt every 2 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(attempt * 100, MAX_RECONNECT_DELAY_MS);
}

/**
 * Connects at once (the app still boots when Redis is down; readiness reports it). Redis only
 * holds what can be rebuilt, so callers get a fast error rather than a request held open: a
 * command is retried over at most one reconnect and times out after `commandTimeoutMs`.
 */
export function createRedisClient(options: RedisOptions, logger = new Logger('Redis')): Redis {
  const client = new Redis(options.url, {
    lazyConnect: false,
    connectionName: options.connectionName,
    connectTimeout: CONNECT_TIMEOUT_MS,
    disconnectTimeout: DISCONNECT_TIMEOUT_MS,
    commandTimeout: options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    retryStrategy: reconnectDelay,
  });
  reportConnectionChanges(client, logger);
  return client;
}

/** One line per change of state, not one per failed reconnect attempt. */
function reportConnectionChanges(client: Redis, logger: Logger): void {
  let connected: boolean | undefined;
  client.on('ready', () => {
    connected = true;
    logger.log('Redis connection ready');
  });
  client.on('error', (error: Error) => {
    if (connected === false) return;
    connected = false;
    logger.warn('Redis connection failed; reconnecting in the background', error);
  });
}
