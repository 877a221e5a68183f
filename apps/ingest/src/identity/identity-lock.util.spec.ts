import { identityLockKeys } from './identity-lock.util';

describe('identityLockKeys', () => {
  const keys = [
    { kind: 'anonymous', value: 'a-1' },
    { kind: 'user', value: 'u-1' },
    { kind: 'email', value: 'f'.repeat(64) },
  ] as const;

  it('gives the same keys in ascending order whatever the order they are named in', () => {
    const locks = identityLockKeys(keys);
    expect(locks).toEqual([...locks].sort((a, b) => a - b));
    expect(identityLockKeys([...keys].reverse())).toEqual(locks);
  });

  it('takes one lock per key, and one only for a key named twice', () => {
    expect(identityLockKeys(keys)).toHaveLength(3);
    expect(identityLockKeys([keys[0], keys[0]])).toHaveLength(1);
  });

  it('locks the same value under different kinds separately', () => {
    expect(identityLockKeys([{ kind: 'anonymous', value: 'x' }])).not.toEqual(
      identityLockKeys([{ kind: 'user', value: 'x' }]),
    );
  });

  it('returns signed 32-bit integers, as pg_advisory_xact_lock(int4, int4) takes', () => {
    for (const lock of identityLockKeys(keys)) {
      expect(Number.isInteger(lock)).toBe(true);
      expect(lock).toBeGreaterThanOrEqual(-(2 ** 31));
      expect(lock).toBeLessThan(2 ** 31);
    }
  });
});
