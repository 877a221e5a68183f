import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Which key of the keyring opened a value: `previous` means it should be re-encrypted under the current one. */
export type KeyInUse = 'current' | 'previous';

export interface Decrypted {
  plaintext: string;
  key: KeyInUse;
}

/** Neither the current nor the previous key opens the value (wrong keys, another owner's row, or tampering). */
export class SecretDecryptionError extends Error {
  readonly code = 'secret_undecryptable';

  constructor(reason: string) {
    super(`encrypted secret cannot be decrypted: ${reason}`);
    this.name = 'SecretDecryptionError';
  }
}

/**
 * Encrypts secrets at rest with AES-256-GCM under a key derived from INGEST_SECRET_KEY; values written under
 * INGEST_SECRET_KEY_PREVIOUS still decrypt, so the key can change while they are re-encrypted. The owning
 * record's id is bound as additional data, so a ciphertext copied onto another row fails to decrypt instead
 * of lending that row someone else's secret.
 */
export class SecretCipher {
  private readonly current: Buffer;
  private readonly previous?: Buffer;

  constructor(passphrase: string, previousPassphrase?: string) {
    this.current = deriveKey(passphrase);
    if (previousPassphrase) this.previous = deriveKey(previousPassphrase);
  }

  /** Whether a previous key is configured, i.e. a re-encryption pass has anything to do. */
  get rotating(): boolean {
    return this.previous !== undefined;
  }

  /** base64(iv ‖ tag ‖ ciphertext), always under the current key. */
  encrypt(plaintext: string, ownerId: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.current, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(ownerId, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
  }

  /** The plaintext; throws SecretDecryptionError when neither key opens it. */
  decrypt(encoded: string, ownerId: string): string {
    return this.open(encoded, ownerId).plaintext;
  }

  /** The plaintext and which key opened it: the current key first, then the previous one. */
  open(encoded: string, ownerId: string): Decrypted {
    const packed = Buffer.from(encoded, 'base64');
    if (packed.length < IV_BYTES + TAG_BYTES) throw new SecretDecryptionError('the value is truncated');
    const current = tryDecrypt(packed, this.current, ownerId);
    if (current !== undefined) return { plaintext: current, key: 'current' };
    const previous = this.previous && tryDecrypt(packed, this.previous, ownerId);
    if (previous !== undefined) return { plaintext: previous, key: 'previous' };
    throw new SecretDecryptionError('neither INGEST_SECRET_KEY nor INGEST_SECRET_KEY_PREVIOUS opens it');
  }

  /** The value encrypted anew under the current key when the previous key opened it; undefined when already current. */
  reencrypt(encoded: string, ownerId: string): string | undefined {
    const { plaintext, key } = this.open(encoded, ownerId);
    return key === 'previous' ? this.encrypt(plaintext, ownerId) : undefined;
  }
}

function deriveKey(passphrase: string): Buffer {
  return createHash('sha256').update(passphrase, 'utf8').digest();
}

/** undefined when the key does not authenticate the value (GCM's tag check fails). */
function tryDecrypt(packed: Buffer, key: Buffer, ownerId: string): string | undefined {
  const decipher = createDecipheriv(ALGORITHM, key, packed.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(ownerId, 'utf8'));
  decipher.setAuthTag(packed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(packed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
