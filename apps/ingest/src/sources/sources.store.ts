import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Source } from './source.entity';

/** How a source is looked up: by id, or by the hash of its write key. */
export type SourceKey = { id: string } | { writeKeyHash: string };

/** A new source's row; creation time and defaults come from the database. */
export type NewSourceRow = Omit<
  Source,
  'createdAt' | 'previousSigningSecretEncrypted' | 'previousSigningSecretValidUntil'
>;

/** How many rows a write changed: 0 when its condition (e.g. the source being active) did not hold. */
export interface WriteResult {
  affected: number;
}

/** The sources table: plain reads and writes through its entity's repository, the rotations in SQL. */
@Injectable()
export class SourcesStore {
  constructor(@InjectRepository(Source) private readonly repository: Repository<Source>) {}

  insert(row: NewSourceRow): Promise<Source> {
    return this.repository.save(this.repository.create(row));
  }

  list(): Promise<Source[]> {
    return this.repository.find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findOneBy(key: SourceKey): Promise<Source | null> {
    return this.repository.findOneBy(key);
  }

  /** Revokes an active source; a revoked one keeps its first revocation time. */
  async revoke(id: string): Promise<WriteResult> {
    const result = await this.repository.update({ id, status: 'active' }, { status: 'revoked', revokedAt: new Date() });
    return { affected: result.affected ?? 0 };
  }

  /** Replaces the write key of an active source. */
  async replaceWriteKey(id: string, writeKeyHash: string, keyPrefix: string): Promise<WriteResult> {
    const result = await this.repository.update({ id, status: 'active' }, { writeKeyHash, keyPrefix });
    return { affected: result.affected ?? 0 };
  }

  /**
   * Makes `encrypted` the signing secret of an active source and its current one the previous one, valid until
   * `previousValidUntil` (none when there was no current one). One statement, so two concurrent rotations still
   * leave the secret each returned either current or previous.
   */
  async rotateSigningSecret(id: string, encrypted: string, previousValidUntil: Date): Promise<WriteResult> {
    const [, affected]: [unknown, number] = await this.repository.query(
      `UPDATE "sources" SET
          "previous_signing_secret_encrypted" = "signing_secret_encrypted",
          "previous_signing_secret_valid_until" = CASE WHEN "signing_secret_encrypted" IS NULL THEN NULL ELSE $2::timestamptz END,
          "signing_secret_encrypted" = $1
        WHERE "id" = $3 AND "status" = 'active'`,
      [encrypted, previousValidUntil, id],
    );
    return { affected };
  }
}
