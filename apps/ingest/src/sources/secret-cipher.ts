import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts secrets at rest with AES-256-GCM under a key derived from the configured passphrase.
 * The owning record's id is bound as additional data, so a ciphertext copied onto another row fails
 * to decrypt instead of lending that row someone else's secret.
 */
export class SecretCipher {
  private readonly key: Buffer;

  constructor(passphrase: string) {
    this.key = createHash('sha256').update(passphrase, 'utf8').digest();
  }

  /** base64(iv ‖ tag ‖ ciphertext) */
  encrypt(plaintext: string, ownerId: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(ownerId, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
  }

  /** Throws when the value was tampered with, belongs to another owner or was encrypted under another key. */
  decrypt(encoded: string, ownerId: string): string {
    const packed = Buffer.from(encoded, 'base64');
    if (packed.length < IV_BYTES + TAG_BYTES) throw new Error('encrypted secret is truncated');
    const decipher = createDecipheriv(ALGORITHM, this.key, packed.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(ownerId, 'utf8'));
    decipher.setAuthTag(packed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(packed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}
