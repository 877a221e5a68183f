import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { AuthenticatedSource } from './authenticated-source';
import { SecretCipher, SecretDecryptionError } from './secret-cipher';
import { hashWriteKey, WRITE_KEY_PREFIX } from './source-credentials';
import { Source } from './source.entity';
import { type ResolvedSourcesOptions, SOURCES_OPTIONS } from './sources.options';

export type KeyLookup =
  | { status: 'unknown' }
  | { status: 'revoked' }
  /** Its signing secret opens with neither secret key: an operator must fix the keys (see the error log). */
  | { status: 'misconfigured' }
  | { status: 'active'; source: AuthenticatedSource };

interface CachedLookup {
  expiresAt: number;
  result: Promise<KeyLookup>;
}

/**
 * Resolves write keys to sources, caching each answer (misses included) for a few seconds so a busy
 * source costs no database query per request. The promise is cached, so concurrent requests with the
 * same key share one query.
 */
@Injectable()
export class SourceLookup {
  private readonly cache = new Map<string, CachedLookup>();
  private readonly logger = new Logger(SourceLookup.name);

  constructor(
    @InjectRepository(Source) private readonly sources: Repository<Source>,
    private readonly cipher: SecretCipher,
    @Inject(SOURCES_OPTIONS) private readonly options: ResolvedSourcesOptions,
  ) {}

  byWriteKey(writeKey: string): Promise<KeyLookup> {
    if (!writeKey.startsWith(WRITE_KEY_PREFIX)) return Promise.resolve({ status: 'unknown' });
    const keyHash = hashWriteKey(writeKey);
    const cached = this.cache.get(keyHash);
    if (cached && cached.expiresAt > Date.now()) return cached.result;
    const result = this.load(keyHash);
    this.remember(keyHash, result);
    return result;
  }

  /**
   * Forgets every cached answer, after a key was revoked or rotated on this replica. Such changes are
   * rare, so clearing everything is cheaper to reason about than tracking which entries a source owns.
   */
  invalidate(): void {
    this.cache.clear();
  }

  private async load(keyHash: string): Promise<KeyLookup> {
    const source = await this.sources.findOneBy({ writeKeyHash: keyHash });
    if (!source) return { status: 'unknown' };
    if (source.status === 'revoked') return { status: 'revoked' };
    try {
      return { status: 'active', source: this.toAuthenticated(source) };
    } catch (error) {
      if (!(error instanceof SecretDecryptionError)) throw error;
      // Cached like any answer, so a misconfigured source logs once per cache period, not once per request.
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

  private remember(keyHash: string, result: Promise<KeyLookup>): void {
    this.cache.delete(keyHash);
    if (this.cache.size >= this.options.keyCacheMaxEntries) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    const entry = { expiresAt: Date.now() + this.options.keyCacheTtlMs, result };
    this.cache.set(keyHash, entry);
    // A failed query (database down) must not be served from the cache for the next few seconds.
    result.catch(() => {
      if (this.cache.get(keyHash) === entry) this.cache.delete(keyHash);
    });
  }
}
