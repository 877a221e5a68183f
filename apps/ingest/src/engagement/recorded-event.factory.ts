import type {
  EngagementRecordedV1,
  EventProperties,
  InboundProfileV1,
  PropertyValue,
  RecordedProfileV1,
} from '@handoff/contracts';
import { maskEmails } from '@handoff/platform-observability';
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

/** Builds the published event. The clear email stays here: consumers get its hash and its domain. */
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
    properties: withoutClearEmails(engagement.properties),
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

function toRecordedProfile(profile: InboundProfileV1, email: string | undefined): RecordedProfileV1 {
  const { email: _clearEmail, traits, ...attributes } = profile;
  return {
    ...attributes,
    ...(traits ? { traits: withoutClearEmails(traits) } : {}),
    ...(email ? { emailDomain: emailDomain(email) } : {}),
  };
}

/** Emails inside free-form values (a form's fields, a URL's query) are replaced by their digest token. */
function withoutClearEmails(properties: EventProperties): EventProperties {
  return Object.fromEntries(Object.entries(properties).map(([name, value]) => [name, maskValue(value)]));
}

function maskValue(value: PropertyValue): PropertyValue {
  if (typeof value === 'string') return maskEmails(value);
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? maskEmails(item) : item));
  if (value !== null && typeof value === 'object') return withoutClearEmails(value) as PropertyValue;
  return value;
}
