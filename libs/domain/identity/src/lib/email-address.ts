import { createHash } from 'node:crypto';

export interface EmailNormalisationOptions {
  /** Treat `jane+news@acme.com` as `jane@acme.com`. Off by default: some companies route on tags. */
  stripPlusTag: boolean;
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The canonical form of an email address, used as an identity key: trimmed, lower-cased and,
 * when configured, without a `+tag`. Returns undefined for anything that is not an address, so a
 * malformed email can never become an identity that merges unrelated people.
 */
export function normaliseEmail(raw: string, options: EmailNormalisationOptions): string | undefined {
  const email = raw.trim().toLowerCase();
  if (!EMAIL_SHAPE.test(email)) return undefined;
  if (!options.stripPlusTag) return email;
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const plus = local.indexOf('+');
  return plus > 0 ? `${local.slice(0, plus)}${email.slice(at)}` : email;
}

/** The part after the `@`, which fit scoring and routing use as the company domain. */
export function emailDomain(normalisedEmail: string): string {
  return normalisedEmail.slice(normalisedEmail.lastIndexOf('@') + 1);
}

/**
 * Lower-case hex SHA-256 of a normalised email: the only form in which an email is stored, used as a key
 * or published (`identity.emailHash` on engagement events), so one address always maps to one digest.
 */
export function emailHash(normalisedEmail: string): string {
  return createHash('sha256').update(normalisedEmail, 'utf8').digest('hex');
}
