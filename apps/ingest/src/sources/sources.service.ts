import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@handoff/shared-errors';
import { randomUUID } from 'node:crypto';
import { IngestConfig } from '../app/ingest.config';
import { SecretCipher } from './secret-cipher';
import { generateSigningSecret, generateWriteKey, hashWriteKey, keyPrefixOf } from './source-credentials';
import { SourceLookup } from './source-lookup.service';
import type { Source } from './source.entity';
import { SourcesStore } from './sources.store';

/** A source with the credentials just issued to it: shown to the caller once, never stored in clear. */
export interface IssuedCredentials {
  source: Source;
  writeKey: string;
  signingSecret?: string;
}

/** A new signing secret, shown once; the previous one stays valid until `previousValidUntil` (null: there was none). */
export interface RotatedSigningSecret {
  source: Source;
  signingSecret: string;
  previousValidUntil: Date | null;
}

/** The source was revoked: its credentials cannot change any more. */
export class SourceRevokedError extends DomainError {
  constructor(readonly sourceId: string) {
    super('conflict', `source ${sourceId} is revoked; create a new source instead`);
    this.name = 'SourceRevokedError';
  }
}

export interface NewSource {
  name: string;
  requireSignature: boolean;
}

/** Creates, lists, revokes sources and rotates their write keys. */
@Injectable()
export class SourcesService {
  private readonly logger = new Logger(SourcesService.name);

  constructor(
    private readonly sources: SourcesStore,
    private readonly cipher: SecretCipher,
    private readonly lookup: SourceLookup,
    private readonly config: IngestConfig,
  ) {}

  async create(request: NewSource): Promise<IssuedCredentials> {
    const id = randomUUID();
    const writeKey = generateWriteKey();
    const signingSecret = request.requireSignature ? generateSigningSecret() : undefined;
    const source = await this.sources.insert({
      id,
      name: request.name,
      writeKeyHash: hashWriteKey(writeKey),
      keyPrefix: keyPrefixOf(writeKey),
      signingSecretEncrypted: signingSecret ? this.cipher.encrypt(signingSecret, id) : null,
      requireSignature: request.requireSignature,
      status: 'active',
      revokedAt: null,
    });
    this.logger.log({ msg: 'source created', sourceId: id, keyPrefix: source.keyPrefix });
    return { source: await this.get(id), writeKey, signingSecret };
  }

  list(): Promise<Source[]> {
    return this.sources.list();
  }

  async get(id: string): Promise<Source> {
    const source = await this.sources.findOneBy({ id });
    if (!source) throw new DomainError('not-found', `source ${id} not found`);
    return source;
  }

  /** Idempotent: revoking a revoked source keeps its first revocation time. */
  async revoke(id: string): Promise<Source> {
    const result = await this.sources.revoke(id);
    const source = await this.get(id);
    if (result.affected) {
      this.lookup.invalidate();
      this.logger.log({ msg: 'source revoked', sourceId: id, keyPrefix: source.keyPrefix });
    }
    return source;
  }

  /** Issues a new write key; the old one stops working (on other replicas once their key cache expires). */
  async rotateKey(id: string): Promise<IssuedCredentials> {
    const writeKey = generateWriteKey();
    const result = await this.sources.replaceWriteKey(id, hashWriteKey(writeKey), keyPrefixOf(writeKey));
    const source = await this.get(id);
    if (!result.affected) throw new SourceRevokedError(id);
    this.lookup.invalidate();
    this.logger.log({ msg: 'source write key rotated', sourceId: id, keyPrefix: source.keyPrefix });
    return { source, writeKey };
  }

  /**
   * Issues a new signing secret; the current one becomes the previous one, accepted for
   * INGEST_SIGNING_SECRET_GRACE_SECONDS so senders can switch without refused requests.
   */
  async rotateSigningSecret(id: string): Promise<RotatedSigningSecret> {
    const signingSecret = generateSigningSecret();
    const validUntil = new Date(Date.now() + this.config.INGEST_SIGNING_SECRET_GRACE_SECONDS * 1000);
    const { affected } = await this.sources.rotateSigningSecret(id, this.cipher.encrypt(signingSecret, id), validUntil);
    const source = await this.get(id);
    if (!affected) throw new SourceRevokedError(id);
    this.lookup.invalidate();
    this.logger.log({
      msg: 'source signing secret rotated',
      sourceId: id,
      previousValidUntil: source.previousSigningSecretValidUntil,
    });
    return { source, signingSecret, previousValidUntil: source.previousSigningSecretValidUntil };
  }
}
