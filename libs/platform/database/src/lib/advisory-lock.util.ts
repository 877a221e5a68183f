/** What an advisory lock protects; each purpose gets its own key space so locks never collide across purposes. */
export enum LockPurpose {
  Migrations = 0x6d696772, // 'migr'
  OutboxRelay = 0x6f757462, // 'outb'
  ModelTraining = 0x74726e67, // 'trng'
}

/**
 * Keys for the two-argument `pg_*advisory*lock(int4, int4)` functions: the purpose and a 32-bit FNV-1a hash
 * of the schema name. Computed here rather than with `hashtext()` because that function is undocumented and
 * may change between PostgreSQL versions.
 */
export function advisoryLockKeys(purpose: LockPurpose, schema: string): [number, number] {
  return [purpose, fnv1a32(schema) | 0];
}

function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
