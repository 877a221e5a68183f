import { type EmailNormalisationOptions, emailHash, normaliseEmail } from './email-address';

export const IDENTITY_KINDS = ['anonymous', 'user', 'email'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

/**
 * One identifier of a person. For `email` the value is `emailHash` of the normalised address, never the address;
 * so is an anonymous or user id that is an email address (see `storedIdOf`).
 */
export interface IdentityKey {
  kind: IdentityKind;
  value: string;
}

/** The identifiers a source event carries, as the source sent them. */
export interface IdentityInput {
  anonymousId?: string;
  userId?: string;
  email?: string;
}

/**
 * The normalised identity keys of an event, in the order anonymous, user, email. Ids are trimmed (a stray
 * space is never a different person) and dropped when blank, and ids that are email addresses are hashed
 * (`storedIdOf`); an email that is not an address is dropped rather than hashed, so it cannot tie unrelated
 * people together. An empty result means the event names nobody and cannot be attributed to a lead.
 */
export function identityKeysOf(input: IdentityInput, options: EmailNormalisationOptions): IdentityKey[] {
  const keys: IdentityKey[] = [];
  const anonymousId = storedIdOf(input.anonymousId, options);
  const userId = storedIdOf(input.userId, options);
  const email = input.email === undefined ? undefined : normaliseEmail(input.email, options);
  if (anonymousId !== undefined) keys.push({ kind: 'anonymous', value: anonymousId });
  if (userId !== undefined) keys.push({ kind: 'user', value: userId });
  if (email !== undefined) keys.push({ kind: 'email', value: emailHash(email) });
  return keys;
}

/**
 * Keys to look up for a Segment `alias(previousId, userId)`. The spec does not say whether `previousId` was
 * an anonymous id or an earlier user id, so both are looked up; `aliasKeys` then picks the ones that exist.
 */
export function aliasLookupKeys(previousId: string, userId: string, options: EmailNormalisationOptions): IdentityKey[] {
  const previous = storedIdOf(previousId, options);
  const user = storedIdOf(userId, options);
  const keys: IdentityKey[] = [];
  if (previous !== undefined) keys.push({ kind: 'anonymous', value: previous }, { kind: 'user', value: previous });
  if (user !== undefined && user !== previous) keys.push({ kind: 'user', value: user });
  return keys;
}

/**
 * The keys an alias resolves: the user id plus whichever reading of `previousId` is already linked (both if
 * both are). When neither is, `previousId` is linked as an anonymous id, the usual case of a visitor who signs
 * up; it never becomes a new user id, which would claim that id for a person it may not belong to.
 */
export function aliasKeys(
  previousId: string,
  userId: string,
  linked: readonly IdentityKey[],
  options: EmailNormalisationOptions,
): IdentityKey[] {
  const lookup = aliasLookupKeys(previousId, userId, options);
  const user = storedIdOf(userId, options);
  const previousKeys = lookup.filter((key) => !(key.kind === 'user' && key.value === user));
  const linkedPrevious = previousKeys.filter((key) => linked.some((other) => sameKey(key, other)));
  const chosen = linkedPrevious.length > 0 ? linkedPrevious : previousKeys.filter((key) => key.kind === 'anonymous');
  return user === undefined ? chosen : [...chosen, { kind: 'user', value: user }];
}

export function sameKey(a: IdentityKey, b: IdentityKey): boolean {
  return a.kind === b.kind && a.value === b.value;
}

/** A string that identifies a key, for maps and sets (kinds contain no `:`). */
export function identityKeyId(key: IdentityKey): string {
  return `${key.kind}:${key.value}`;
}

/**
 * An anonymous or user id as it is stored and looked up: trimmed, undefined when blank, and, when it is an
 * email address (some tools use the address as the user id), the `emailHash` of its normalised form, so no
 * identity table holds an address in clear. The kind stays the same: an id that is an email is still matched
 * only as that kind of id, as before, never as the `email` key of the event.
 */
export function storedIdOf(raw: string | undefined, options: EmailNormalisationOptions): string | undefined {
  const id = raw?.trim();
  if (!id) return undefined;
  const email = normaliseEmail(id, options);
  return email === undefined ? id : emailHash(email);
}
