import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Repository } from 'typeorm';
import { SecretCipher } from './secret-cipher';
import { generateSigningSecret, generateWriteKey, hashWriteKey, keyPrefixOf } from './source-credentials';
import { SourceLookup } from './source-lookup.service';
import { Source } from './source.entity';

/** A source with the credentials just issued to it: shown to the caller once, never stored in clear. */
export interface IssuedCredentials {
  source: Source;
  writeKey: string;
  signingSecret?: string;
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
    @InjectRepository(Source) private readonly sources: Repository<Source>,
    private readonly cipher: SecretCipher,
    private readonly lookup: SourceLookup,
  ) {}

  async create(request: NewSource): Promise<IssuedCredentials> {
    const id = randomUUID();
    const writeKey = generateWriteKey();
    const signingSecret = request.requireSignature ? generateSigningSecret() : undefined;
    const source = await this.sources.save(
      this.sources.create({
        id,
        name: request.name,
        writeKeyHash: hashWriteKey(writeKey),
        keyPrefix: keyPrefixOf(writeKey),
        signingSecretEncrypted: signingSecret ? this.cipher.encrypt(signingSecret, id) : null,
        requireSignature: request.requireSignature,
        status: 'active',
        revokedAt: null,
      }),
    );
    this.logger.log({ msg: 'source created', sourceId: id, keyPrefix: source.keyPrefix });
    return { source: await this.get(id), writeKey, signingSecret };
  }

  list(): Promise<Source[]> {
    return this.sources.find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async get(id: string): Promise<Source> {
    const source = await this.sources.findOneBy({ id });
    if (!source) throw new NotFoundException(`source ${id} not found`);
    return source;
  }

  /** Idempotent: revoking a revoked source keeps its first revocation time. */
  async revoke(id: string): Promise<Source> {
    const result = await this.sources.update({ id, status: 'active' }, { status: 'revoked', revokedAt: new Date() });
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
    const result = await this.sources.update(
      { id, status: 'active' },
      { writeKeyHash: hashWriteKey(writeKey), keyPrefix: keyPrefixOf(writeKey) },
    );
    const source = await this.get(id);
    if (!result.affected) throw new ConflictException(`source ${id} is revoked; create a new source instead`);
    this.lookup.invalidate();
    this.logger.log({ msg: 'source write key rotated', sourceId: id, keyPrefix: source.keyPrefix });
    return { source, writeKey };
  }
}
