import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** A scrypt hash as `npm run console:password` prints it: `scrypt$N$r$p$salt$key`, salt and key base64url. */
export interface PasswordHash {
  cost: number;
  blockSize: number;
  parallelism: number;
  salt: Buffer;
  key: Buffer;
}

// OWASP's scrypt minimum (N=2^17 would cost 128 MiB per sign-in on a small pod); 16-byte salt, 32-byte key.
const DEFAULTS = { cost: 2 ** 15, blockSize: 8, parallelism: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{32,})$/;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, { ...DEFAULTS, salt, key: Buffer.alloc(KEY_BYTES) });
  const { cost, blockSize, parallelism } = DEFAULTS;
  return ['scrypt', cost, blockSize, parallelism, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** The hash's parts, or why it is not one (the message never repeats the hash). */
export function parsePasswordHash(text: string): PasswordHash | string {
  const match = FORMAT.exec(text);
  if (!match) return 'is not a scrypt hash (expected scrypt$N$r$p$salt$key, from npm run console:password)';
  const [cost, blockSize, parallelism] = [match[1], match[2], match[3]].map(Number);
  const powerOfTwo = (cost & (cost - 1)) === 0;
  if (!powerOfTwo || cost < 2 ** 14 || cost > 2 ** 20) return 'has a cost N that is not a power of two in 2^14…2^20';
  if (blockSize < 1 || blockSize > 32 || parallelism < 1 || parallelism > 16) return 'has r or p out of range';
  return {
    cost,
    blockSize,
    parallelism,
    salt: Buffer.from(match[4], 'base64url'),
    key: Buffer.from(match[5], 'base64url'),
  };
}

/** Derives with the hash's own parameters and compares in constant time. */
export async function verifyPassword(password: string, hash: PasswordHash): Promise<boolean> {
  const derived = await derive(password, hash);
  return timingSafeEqual(derived, hash.key);
}

function derive(password: string, hash: PasswordHash): Promise<Buffer> {
  const { cost: N, blockSize: r, parallelism: p } = hash;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), hash.salt, hash.key.length, { N, r, p, maxmem: 256 * N * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}
