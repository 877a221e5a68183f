import { createHash, randomBytes } from 'node:crypto';

export const WRITE_KEY_PREFIX = 'hk_';
export const SIGNING_SECRET_PREFIX = 'hsec_';
/** Characters of a write key kept in clear for display ("hk_" plus 7 random characters). */
export const KEY_PREFIX_LENGTH = 10;
const RANDOM_BYTES = 32;

/** A new write key: 256 random bits, base64url, prefixed so leaked keys are recognisable by secret scanners. */
export function generateWriteKey(): string {
  return WRITE_KEY_PREFIX + randomBytes(RANDOM_BYTES).toString('base64url');
}

/** A new request-signing secret (the HMAC key, used as its UTF-8 bytes). */
export function generateSigningSecret(): string {
  return SIGNING_SECRET_PREFIX + randomBytes(RANDOM_BYTES).toString('base64url');
}

/**
 * SHA-256 hex of a write key. A slow password hash would buy nothing against 256-bit keys, and a
 * deterministic hash is what lets a request's key be found with one indexed lookup.
 */
export function hashWriteKey(writeKey: string): string {
  return createHash('sha256').update(writeKey, 'utf8').digest('hex');
}

export function keyPrefixOf(writeKey: string): string {
  return writeKey.slice(0, KEY_PREFIX_LENGTH);
}
