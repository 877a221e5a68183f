import fc from 'fast-check';
import { SecretCipher, SecretDecryptionError } from './secret-cipher';

const OWNER = '3f1f7a9e-8a52-4a53-9a8e-1f0c6a3b2d10';
const OTHER_OWNER = '6d0e2f55-1b7c-4f0e-8d6a-2a9b3c4d5e6f';

describe('SecretCipher', () => {
  const cipher = new SecretCipher('a-passphrase-of-some-length');

  it('decrypts what it encrypted for the same owner', () => {
    const encrypted = cipher.encrypt('hsec_the-secret', OWNER);
    expect(cipher.decrypt(encrypted, OWNER)).toBe('hsec_the-secret');
  });

  it('stores base64 of a 12-byte iv, a 16-byte tag and a ciphertext as long as the plaintext, never the plaintext', () => {
    const encrypted = cipher.encrypt('hsec_the-secret', OWNER);
    expect(Buffer.from(encrypted, 'base64')).toHaveLength(12 + 16 + 'hsec_the-secret'.length);
    expect(encrypted).not.toContain('the-secret');
  });

  it('uses a fresh iv each time, so equal secrets do not give equal ciphertexts', () => {
    expect(cipher.encrypt('same', OWNER)).not.toBe(cipher.encrypt('same', OWNER));
  });

  it('refuses a ciphertext moved to another owner', () => {
    const encrypted = cipher.encrypt('hsec_the-secret', OWNER);
    expect(() => cipher.decrypt(encrypted, OTHER_OWNER)).toThrow();
  });

  it('refuses a ciphertext encrypted under another passphrase', () => {
    const encrypted = new SecretCipher('another-passphrase-here').encrypt('hsec_the-secret', OWNER);
    expect(() => cipher.decrypt(encrypted, OWNER)).toThrow();
  });

  it('refuses a tampered ciphertext', () => {
    const packed = Buffer.from(cipher.encrypt('hsec_the-secret', OWNER), 'base64');
    packed[packed.length - 1] ^= 0x01;
    expect(() => cipher.decrypt(packed.toString('base64'), OWNER)).toThrow();
  });

  it('refuses a value too short to hold an iv and a tag', () => {
    expect(() => cipher.decrypt(Buffer.alloc(20).toString('base64'), OWNER)).toThrow('the value is truncated');
  });
});

describe('SecretCipher with a previous key (INGEST_SECRET_KEY rotation)', () => {
  const OLD = 'the-old-passphrase-of-length';
  const NEW = 'the-new-passphrase-of-length';
  const underOld = new SecretCipher(OLD).encrypt('hsec_old', OWNER);
  const keyring = new SecretCipher(NEW, OLD);

  it('opens a value written under the previous key and reports it, so the caller can re-encrypt', () => {
    expect(keyring.open(underOld, OWNER)).toEqual({ plaintext: 'hsec_old', key: 'previous' });
  });

  it('encrypts under the current key only', () => {
    expect(keyring.open(keyring.encrypt('hsec_new', OWNER), OWNER)).toEqual({ plaintext: 'hsec_new', key: 'current' });
    expect(() => new SecretCipher(OLD).decrypt(keyring.encrypt('hsec_new', OWNER), OWNER)).toThrow(
      SecretDecryptionError,
    );
  });

  it('re-encrypts a previous-key value to one the current key alone opens, and leaves current ones alone', () => {
    const reencrypted = keyring.reencrypt(underOld, OWNER) ?? '';
    expect(new SecretCipher(NEW).decrypt(reencrypted, OWNER)).toBe('hsec_old');
    expect(keyring.reencrypt(reencrypted, OWNER)).toBeUndefined();
  });

  it('fails with a coded SecretDecryptionError naming the settings, never the value, when neither key opens it', () => {
    const stranger = new SecretCipher('a-third-passphrase-here').encrypt('hsec_stranger', OWNER);
    expect(() => keyring.open(stranger, OWNER)).toThrow(
      expect.objectContaining({
        code: 'secret_undecryptable',
        message: expect.stringContaining('INGEST_SECRET_KEY_PREVIOUS'),
      }),
    );
    expect(() => keyring.open(stranger, OWNER)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hsec') }),
    );
  });

  it('moves any value of any owner to the new key unchanged (property)', () => {
    const oldCipher = new SecretCipher(OLD);
    const newCipher = new SecretCipher(NEW);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.uuid(), (plaintext, owner) => {
        const moved = keyring.reencrypt(oldCipher.encrypt(plaintext, owner), owner) ?? '';
        expect(newCipher.decrypt(moved, owner)).toBe(plaintext);
        expect(() => oldCipher.decrypt(moved, owner)).toThrow(SecretDecryptionError);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('says whether a previous key is configured', () => {
    expect(keyring.rotating).toBe(true);
    expect(new SecretCipher(NEW).rotating).toBe(false);
  });
});
