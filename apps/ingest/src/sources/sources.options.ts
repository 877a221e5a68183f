export interface SourcesModuleOptions {
  /**
   * How long a write-key lookup is served from memory. A revocation or rotation made through another
   * replica takes effect here within this time (at once on the replica that made it). Default 5000.
   */
  keyCacheTtlMs?: number;
  /** Most active sources kept in memory; the oldest is dropped first. Default 10000. */
  keyCacheMaxEntries?: number;
  /**
   * How long an unknown or revoked key (or source id) is remembered as such. A key is issued only after its
   * row is committed, and a revocation is final, so such an answer cannot turn active; the TTL only bounds
   * memory and restores made from backups. Default 60000.
   */
  unknownKeyCacheTtlMs?: number;
  /** Most unknown or revoked keys remembered, apart from the active ones. Default 50000. */
  unknownKeyCacheMaxEntries?: number;
  /** Prefix of the Redis keys holding the rate-limit buckets; tests pass a fresh one. Default "ingest:ratelimit:". */
  rateLimitKeyPrefix?: string;
}

export type ResolvedSourcesOptions = Required<SourcesModuleOptions>;

export const SOURCES_OPTIONS = Symbol('SOURCES_OPTIONS');

export const DEFAULT_KEY_CACHE_TTL_MS = 5000;
const DEFAULT_KEY_CACHE_MAX_ENTRIES = 10000;
export const DEFAULT_UNKNOWN_KEY_CACHE_TTL_MS = 60_000;
const DEFAULT_UNKNOWN_KEY_CACHE_MAX_ENTRIES = 50_000;
const DEFAULT_RATE_LIMIT_KEY_PREFIX = 'ingest:ratelimit:';

export function resolveSourcesOptions(options: SourcesModuleOptions): ResolvedSourcesOptions {
  return {
    keyCacheTtlMs: options.keyCacheTtlMs ?? DEFAULT_KEY_CACHE_TTL_MS,
    keyCacheMaxEntries: options.keyCacheMaxEntries ?? DEFAULT_KEY_CACHE_MAX_ENTRIES,
    unknownKeyCacheTtlMs: options.unknownKeyCacheTtlMs ?? DEFAULT_UNKNOWN_KEY_CACHE_TTL_MS,
    unknownKeyCacheMaxEntries: options.unknownKeyCacheMaxEntries ?? DEFAULT_UNKNOWN_KEY_CACHE_MAX_ENTRIES,
    rateLimitKeyPrefix: options.rateLimitKeyPrefix ?? DEFAULT_RATE_LIMIT_KEY_PREFIX,
  };
}
