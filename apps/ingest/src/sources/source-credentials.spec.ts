import { createHash } from 'node:crypto';
import { generateSigningSecret, generateWriteKey, hashWriteKey, keyPrefixOf } from './source-credentials';

describe('write keys', () => {
  it('are "hk_" followed by 32 random bytes in base64url', () => {
    const key = generateWriteKey();
    expect(key).toMatch(/^hk_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(key.slice(3), 'base64url')).toHaveLength(32);
  });

  it('differ on every call', () => {
    const keys = new Set(Array.from({ length: 1000 }, generateWriteKey));
    expect(keys.size).toBe(1000);
  });

  it('hash to the SHA-256 hex of the key, the same every time', () => {
    const key = generateWriteKey();
    expect(hashWriteKey(key)).toBe(createHash('sha256').update(key).digest('hex'));
    expect(hashWriteKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashWriteKey(key)).toBe(hashWriteKey(key));
    expect(hashWriteKey(key)).not.toBe(hashWriteKey(generateWriteKey()));
  });

  it('show their first 10 characters as the display prefix', () => {
    expect(keyPrefixOf('hk_abcdefghijklmnop')).toBe('hk_abcdefg');
  });
});

describe('signing secrets', () => {
  it('are "hsec_" followed by 32 random bytes in base64url, different each time', () => {
    const secret = generateSigningSecret();
    expect(secret).toMatch(/^hsec_[A-Za-z0-9_-]{43}$/);
    expect(generateSigningSecret()).not.toBe(secret);
  });
});
