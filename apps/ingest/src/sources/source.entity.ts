import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const SOURCE_STATUSES = ['active', 'revoked'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

/** A marketing tool allowed to send events. Only hashes and ciphertexts of its credentials are stored. */
@Entity({ name: 'sources' })
@Check('CHK_sources_status', `"status" IN ('active', 'revoked')`)
export class Source {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_sources' })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** SHA-256 hex of the write key: the key is 256 random bits, so a fast hash is safe and allows lookup by hash. */
  @Index('UQ_sources_write_key_hash', { unique: true })
  @Column({ name: 'write_key_hash', type: 'char', length: 64 })
  writeKeyHash!: string;

  /** First characters of the key, so an operator can tell keys apart without seeing them. */
  @Column({ name: 'key_prefix', type: 'varchar', length: 16 })
  keyPrefix!: string;

  /** AES-256-GCM ciphertext (base64 of iv, tag, ciphertext) of the request-signing secret; null without one. */
  @Column({ name: 'signing_secret_encrypted', type: 'text', nullable: true })
  signingSecretEncrypted!: string | null;

  /** The signing secret a rotation replaced (same encryption), accepted until previousSigningSecretValidUntil. */
  @Column({ name: 'previous_signing_secret_encrypted', type: 'text', nullable: true })
  previousSigningSecretEncrypted!: string | null;

  @Column({ name: 'previous_signing_secret_valid_until', type: 'timestamptz', nullable: true })
  previousSigningSecretValidUntil!: Date | null;

  @Column({ name: 'require_signature', type: 'boolean', default: false })
  requireSignature!: boolean;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: SourceStatus;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
