export interface SourcesModuleOptions {
  /**
   * How long a write-key lookup is served from memory. A revocation or rotation made through another
   * replica takes effect here within this time (at once on the replica that made it). Default 5000.
   */
  keyCacheTtlMs?: number;
  /** Most lookups kept in memory (hits and misses); the oldest is dropped first. Default 10000. */
  keyCacheMaxEntries?: number;
  /** Prefix of the Redis keys holding the rate-limit buckets; tests pass a fresh one. Default "ingest:ratelimit:". */
  rateLimitKeyPrefix?: string;
}

export type ResolvedSourcesOptions = Required<SourcesModuleOptions>;

export const SOURCES_OPTIONS = Symbol('SOURCES_OPTIONS');

export const DEFAULT_KEY_CACHE_TTL_MS = 5000;
const DEFAULT_KEY_CACHE_MAX_ENTRIES = 10000;
const DEFAULT_RATE_LIMIT_KEY_PREFIX = 'ingest:ratelimit:';

export function resolveSourcesOptions(options: SourcesModuleOptions): ResolvedSourcesOptions {
  return {
    keyCacheTtlMs: options.keyCacheTtlMs ?? DEFAULT_KEY_CACHE_TTL_MS,
    keyCacheMaxEntries: options.keyCacheMaxEntries ?? DEFAULT_KEY_CACHE_MAX_ENTRIES,
    rateLimitKeyPrefix: options.rateLimitKeyPrefix ?? DEFAULT_RATE_LIMIT_KEY_PREFIX,
  };
}
