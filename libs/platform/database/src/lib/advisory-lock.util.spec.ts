import { LockPurpose, advisoryLockKeys } from './advisory-lock.util';

const INT4_MIN = -(2 ** 31);
const INT4_MAX = 2 ** 31 - 1;

describe('advisoryLockKeys', () => {
  it('is stable for a schema, so every replica of a service computes the same lock', () => {
    expect(advisoryLockKeys(LockPurpose.OutboxRelay, 'scoring')).toEqual(
      advisoryLockKeys(LockPurpose.OutboxRelay, 'scoring'),
    );
  });

  it('gives each service schema its own lock so services never wait on each other', () => {
    const keys = ['ingest', 'scoring', 'routing', 'quota'].map((schema) =>
      advisoryLockKeys(LockPurpose.OutboxRelay, schema).join(':'),
    );
    expect(new Set(keys).size).toBe(4);
  });

  it('separates purposes for the same schema', () => {
    expect(advisoryLockKeys(LockPurpose.Migrations, 'ingest')).not.toEqual(
      advisoryLockKeys(LockPurpose.OutboxRelay, 'ingest'),
    );
  });

  it('fits both keys in PostgreSQL int4', () => {
    for (const schema of ['ingest', 'test_ffffffffffff', 'z'.repeat(63)]) {
      for (const key of advisoryLockKeys(LockPurpose.OutboxRelay, schema)) {
        expect(Number.isInteger(key)).toBe(true);
        expect(key).toBeGreaterThanOrEqual(INT4_MIN);
        expect(key).toBeLessThanOrEqual(INT4_MAX);
      }
    }
  });
});
