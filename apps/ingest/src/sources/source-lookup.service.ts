import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AuthenticatedSource } from './authenticated-source';
import { SecretCipher, SecretDecryptionError } from './secret-cipher';
import { hashWriteKey, WRITE_KEY_PREFIX } from './source-credentials';
import type { Source } from './source.entity';
import { SourcesMetrics } from './sources.metrics';
import { type SourceKey, SourcesStore } from './sources.store';
import { type ResolvedSourcesOptions, SOURCES_OPTIONS } from './sources.options';

export type KeyLookup =
  | { status: 'unknown' }
  | { status: 'revoked' }
  /** Its signing secret opens with neither secret key: an operator must fix the keys (see the error log). */
  | { status: 'misconfigured' }
  | { status: 'active'; source: AuthenticatedSource };

const UNKNOWN: KeyLookup = { status: 'unknown' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Answers kept for `ttlMs`, at most `maxEntries` of them; the oldest entry makes room for a new one. */
class ExpiringAnswers {
  private readonly entries = new Map<string, { expiresAt: number; answer: KeyLookup }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get(key: string): KeyLookup | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > Date.now()) return entry.answer;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, answer: KeyLookup): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { expiresAt: Date.now() + this.ttlMs, answer });
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * Resolves write keys (and source ids, for Kafka inbound records) to sources with as few database queries as
 * possible. Active sources are cached for a few seconds, so a busy source costs no query per request. Unknown
 * and revoked keys are cached apart, longer and in their own bounded space: a client hammering with a bad key
 * costs one query per TTL, and a flood of random keys cannot evict the active sources. Concurrent lookups of one
 * key share one query.
 */
@Injectable()
export class SourceLookup {
  private readonly active: ExpiringAnswers;
  private readonly refused: ExpiringAnswers;
  private readonly inFlight = new Map<string, Promise<KeyLookup>>();
  /** Bumped by invalidate(), so an answer loaded before it is not cached after it. */
  private generation = 0;
  private readonly logger = new Logger(SourceLookup.name);

  constructor(
    private readonly sources: SourcesStore,
    private readonly cipher: SecretCipher,
    @Inject(SOURCES_OPTIONS) options: ResolvedSourcesOptions,
    private readonly metrics: SourcesMetrics,
  ) {
    this.active = new ExpiringAnswers(options.keyCacheTtlMs, options.keyCacheMaxEntries);
    this.refused = new ExpiringAnswers(options.unknownKeyCacheTtlMs, options.unknownKeyCacheMaxEntries);
  }

  byWriteKey(writeKey: string): Promise<KeyLookup> {
    if (!writeKey.startsWith(WRITE_KEY_PREFIX)) return Promise.resolve(UNKNOWN);
    const keyHash = hashWriteKey(writeKey);
    return this.cached(`key:${keyHash}`, { writeKeyHash: keyHash });
  }

  /** The source with this id; an id that is not a uuid names no source and costs no query. */
  byId(sourceId: string): Promise<KeyLookup> {
    if (!UUID.test(sourceId)) return Promise.resolve(UNKNOWN);
    const id = sourceId.toLowerCase();
    return this.cached(`id:${id}`, { id });
  }

  /**
   * Forgets every cached answer, after a source was created, revoked or rotated on this replica. Such changes
   * are rare, so clearing everything is cheaper to reason about than tracking which entries a source owns.
   */
  invalidate(): void {
    this.generation += 1;
    this.inFlight.clear();
    this.active.clear();
    this.refused.clear();
  }

  private cached(cacheKey: string, where: SourceKey): Promise<KeyLookup> {
    const known = this.active.get(cacheKey) ?? this.refused.get(cacheKey);
    if (known) return Promise.resolve(known);
    const pending = this.inFlight.get(cacheKey);
    if (pending) return pending;
    // A failed query (database down) is not remembered: the next request asks the database again.
    const generation = this.generation;
    const loading = this.load(where)
      .then((answer) => {
        if (generation === this.generation)
          (answer.status === 'active' ? this.active : this.refused).set(cacheKey, answer);
        return answer;
      })
      .finally(() => {
        if (this.inFlight.get(cacheKey) === loading) this.inFlight.delete(cacheKey);
      });
    this.inFlight.set(cacheKey, loading);
    return loading;
  }

  private async load(where: SourceKey): Promise<KeyLookup> {
    let source: Source | null;
    try {
      source = await this.sources.findOneBy(where);
    } catch (error) {
      this.metrics.keyLookedUp('failed');
      throw error;
    }
    const answer: KeyLookup = !source
      ? UNKNOWN
      : source.status === 'revoked'
        ? { status: 'revoked' }
        : this.opened(source);
    this.metrics.keyLookedUp(answer.status);
    return answer;
  }

  /** An active source with its signing secrets decrypted, or `misconfigured` when no secret key opens them. */
  private opened(source: Source): KeyLookup {
    try {
      return { status: 'active', source: this.toAuthenticated(source) };
    } catch (error) {
      if (!(error instanceof SecretDecryptionError)) throw error;
      // Cached like any refusal, so a misconfigured source logs once per cache period, not once per request.
      this.logger.error({
        msg: 'source signing secret cannot be decrypted',
        sourceId: source.id,
        code: error.code,
        reason: error.message,
      });
      return { status: 'misconfigured' };
    }
  }

  private toAuthenticated(source: Source): AuthenticatedSource {
    const authenticated: AuthenticatedSource = {
      id: source.id,
      name: source.name,
      requireSignature: source.requireSignature,
    };
    if (source.signingSecretEncrypted) {
      authenticated.signingSecret = this.cipher.decrypt(source.signingSecretEncrypted, source.id);
    }
    if (source.previousSigningSecretEncrypted && source.previousSigningSecretValidUntil) {
      authenticated.previousSigningSecret = {
        secret: this.cipher.decrypt(source.previousSigningSecretEncrypted, source.id),
        validUntil: source.previousSigningSecretValidUntil.getTime(),
      };
    }
    return authenticated;
  }
}
