import { normaliseEmail } from '@handoff/domain-identity';
import type { IncomingEngagement } from '../engagement/incoming-engagement';

export const CONTACT_FIELDS = ['email', 'firstName', 'lastName', 'phone', 'company', 'title'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** Clear contact details of a person, as sales reads them. */
export type ContactDetails = Partial<Record<ContactField, string>>;

/** What the vault keeps sealed per lead: each field with the event time it was last set at. */
export type ContactRecord = Partial<Record<ContactField, { value: string; at: string }>>;

/** Trait keys (lower case, without "_" or "-") that hold a phone number. */
const PHONE_TRAITS = new Set(['phone', 'phonenumber', 'mobile', 'mobilenumber']);
const KEEP_TAGS = { stripPlusTag: false };

/**
 * The contact details an engagement carries: its email (or an id that is an address), the profile's names,
 * company and title, and a phone number from its traits.
 */
export function contactDetailsOf(engagement: IncomingEngagement): ContactDetails {
  const { identity, profile } = engagement;
  const email = [identity.email, profile?.email, identity.userId, identity.anonymousId]
    .map((candidate) => candidate?.trim())
    .find((candidate) => candidate !== undefined && normaliseEmail(candidate, KEEP_TAGS) !== undefined);
  const details: ContactDetails = {
    email,
    firstName: profile?.firstName,
    lastName: profile?.lastName,
    phone: phoneOf(profile?.traits),
    company: profile?.company,
    title: profile?.title,
  };
  return Object.fromEntries(
    Object.entries(details).filter(([, value]) => value !== undefined && value.trim() !== ''),
  ) as ContactDetails;
}

function phoneOf(traits: Record<string, unknown> | undefined): string | undefined {
  const entry = Object.entries(traits ?? {}).find(
    ([key, value]) =>
      PHONE_TRAITS.has(key.toLowerCase().replace(/[_-]/g, '')) &&
      (typeof value === 'string' || typeof value === 'number'),
  );
  return entry === undefined ? undefined : String(entry[1]).trim();
}

/** The record with `details` set at event time `at`; a field set by a later event is kept (latest value wins). */
export function withDetails(record: ContactRecord, details: ContactDetails, at: string): ContactRecord {
  const updated: ContactRecord = { ...record };
  for (const field of CONTACT_FIELDS) {
    const value = details[field];
    const current = record[field];
    if (value !== undefined && (current === undefined || Date.parse(current.at) <= Date.parse(at))) {
      updated[field] = { value, at };
    }
  }
  return updated;
}

/** The records of leads merged into one, combined: per field, the value set latest. */
export function combineRecords(records: readonly ContactRecord[]): ContactRecord {
  return records.reduce<ContactRecord>(
    (combined, record) =>
      CONTACT_FIELDS.reduce((acc, field) => {
        const entry = record[field];
        return entry === undefined ? acc : withDetails(acc, { [field]: entry.value }, entry.at);
      }, combined),
    {},
  );
}

export function detailsOf(record: ContactRecord): ContactDetails {
  return Object.fromEntries(
    CONTACT_FIELDS.flatMap((field) => {
      const entry = record[field];
      return entry === undefined ? [] : [[field, entry.value]];
    }),
  ) as ContactDetails;
}
