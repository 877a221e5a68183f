import { SecretCipher } from './secret-cipher';

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
    expect(() => cipher.decrypt(Buffer.alloc(20).toString('base64'), OWNER)).toThrow('encrypted secret is truncated');
  });
});
