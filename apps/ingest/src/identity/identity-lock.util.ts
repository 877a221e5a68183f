import { createHash } from 'node:crypto';
import { type IdentityKey, identityKeyId } from '@handoff/domain-identity';

/** First key of the two-int4 advisory locks on identity keys ('iden'), so they never share a lock with other uses. */
export const IDENTITY_LOCK_SPACE = 0x6964656e;

/**
 * Second keys of the advisory locks for `keys`: a 32-bit slice of SHA-256, sorted and without repeats, so every
 * transaction takes its locks in the same order and two can never wait on each other. Two identity keys that
 * share a slice only serialise more than needed; they can't deadlock, since the slices themselves are ordered.
 */
export function identityLockKeys(keys: readonly IdentityKey[]): number[] {
  const slices = keys.map((key) => createHash('sha256').update(identityKeyId(key), 'utf8').digest().readInt32BE(0));
  return [...new Set(slices)].sort((a, b) => a - b);
}
