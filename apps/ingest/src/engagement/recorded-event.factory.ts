import type {
  EngagementRecordedV1,
  EventProperties,
  InboundProfileV1,
  PropertyValue,
  RecordedProfileV1,
} from '@handoff/contracts';
import { isPersonalKey, maskEmails } from '@handoff/platform-observability';
import {
  INGEST_EVENT_ID_NAMESPACE,
  deterministicEventId,
  emailDomain,
  emailHash,
  normaliseEmail,
  type EmailNormalisationOptions,
} from '@handoff/domain-identity';
import type { IncomingEngagement } from './incoming-engagement';

/**
 * The event id of a source's message: the same (source, message id) always gives the same id, so a
 * re-send that slips past the de-duplication window is still dropped by every consumer's inbox.
 */
export function eventIdOf(sourceId: string, messageId: string): string {
  return deterministicEventId(INGEST_EVENT_ID_NAMESPACE, sourceId, messageId);
}

/**
 * Builds the published event. Personal data stays in ingest (the contact vault): consumers get the email's hash
 * and domain, never names, phones, addresses or IPs, nor any email in clear.
 */
export function toRecordedEvent(
  engagement: IncomingEngagement,
  attribution: { sourceId: string; leadId: string; correlationId: string; receivedAt: string },
  emailOptions: EmailNormalisationOptions,
): EngagementRecordedV1 {
  const email = firstEmail(engagement, emailOptions);
  return {
    eventId: eventIdOf(attribution.sourceId, engagement.messageId),
    occurredAt: engagement.occurredAt,
    schemaVersion: 1,
    correlationId: attribution.correlationId,
    leadId: attribution.leadId,
    sourceId: attribution.sourceId,
    type: engagement.type,
    ...(engagement.customType ? { customType: engagement.customType } : {}),
    properties: withoutPersonalData(engagement.properties, PROPERTY_RULES),
    identity: {
      // Some tools use the email as the user id; it leaves ingest as a digest token like any email.
      ...(engagement.identity.anonymousId ? { anonymousId: maskEmails(engagement.identity.anonymousId) } : {}),
      ...(engagement.identity.userId ? { userId: maskEmails(engagement.identity.userId) } : {}),
      ...(email ? { emailHash: emailHash(email) } : {}),
    },
    ...(engagement.profile ? { profile: toRecordedProfile(engagement.profile, email) } : {}),
    receivedAt: attribution.receivedAt,
  };
}

function firstEmail(engagement: IncomingEngagement, options: EmailNormalisationOptions): string | undefined {
  const raw = engagement.identity.email ?? engagement.profile?.email;
  return raw === undefined ? undefined : normaliseEmail(raw, options);
}

/** The names are contact details: the vault keeps them; RecordedProfileV1 still allows them, ingest no longer sends them. */
function toRecordedProfile(profile: InboundProfileV1, email: string | undefined): RecordedProfileV1 {
  const { email: _email, firstName: _firstName, lastName: _lastName, traits, ...attributes } = profile;
  return {
    ...attributes,
    ...(traits ? { traits: withoutPersonalData(traits, TRAIT_RULES) } : {}),
    ...(email ? { emailDomain: emailDomain(email) } : {}),
  };
}

interface PersonalDataRules {
  /** A bare `name` is a person's name in traits, but a page's, product's or event's name in properties. */
  nameIsPersonal: boolean;
}

const TRAIT_RULES: PersonalDataRules = { nameIsPersonal: true };
const PROPERTY_RULES: PersonalDataRules = { nameIsPersonal: false };

/**
 * Entries under personal keys (email, name, phone, ip, address…, at any level of a dotted or nested key) are
 * dropped; emails inside other keys and values (a form's fields, a URL's query) become their digest token.
 */
function withoutPersonalData(properties: EventProperties, rules: PersonalDataRules): EventProperties {
  return Object.fromEntries(
    Object.entries(properties)
      .filter(([key]) => !isPersonalPath(key, rules))
      .map(([key, value]) => [maskEmails(key), maskValue(value, rules)]),
  );
}

function isPersonalPath(key: string, rules: PersonalDataRules): boolean {
  return key.split('.').some((part) => isPersonalKey(part) && (rules.nameIsPersonal || part.toLowerCase() !== 'name'));
}

function maskValue(value: PropertyValue, rules: PersonalDataRules): PropertyValue {
  if (typeof value === 'string') return maskEmails(value);
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? maskEmails(item) : item));
  if (value !== null && typeof value === 'object') return withoutPersonalData(value, rules) as PropertyValue;
  return value;
}
