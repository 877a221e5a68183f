// A simulated message in the shape each of ingest's interfaces takes: the native event, the Segment call a
// Segment or RudderStack library would send, or the engagement.inbound.v1 record a marketing tool produces.
import type { EngagementInboundV1, InboundProfileV1 } from '@handoff/contracts';
import type { ActivityType } from '@handoff/shared-vocabulary';
import type { JourneyStep } from './engagement-journey';
import type { SimulatedMessage } from './funnel-generator';
import { uuidFrom } from './seeded-random';
import type { SimulatedLead } from './simulated-lead';

export type IngestRequest =
  | { via: 'native' | 'segment'; path: string; body: Record<string, unknown> }
  | { via: 'kafka'; key: string; value: EngagementInboundV1 };

const SITE = 'https://www.handoff.example';

/** The Segment track names ingest maps to each activity (its default mapping, README "Segment-compatible API"). */
const SEGMENT_TRACK_NAMES: Partial<Record<ActivityType, string>> = {
  email_click: 'Email Link Clicked',
  content_download: 'Content Downloaded',
  webinar_registered: 'Webinar Registered',
  webinar_attended: 'Webinar Attended',
  demo_request: 'Demo Requested',
};

export function ingestRequestOf(message: SimulatedMessage, occurredAt: string, sourceId?: string): IngestRequest {
  if (message.via === 'segment') return segmentRequest(message, occurredAt);
  const { messageId, ...event } = nativeEvent(message, occurredAt);
  if (message.via === 'native') return { via: 'native', path: '/v1/events', body: { messageId, ...event } };
  // On Kafka the record's event id is the message id ingest de-duplicates by; the correlation id names the message.
  const envelope = {
    eventId: uuidFrom(messageId),
    schemaVersion: 1 as const,
    correlationId: messageId,
    ...(sourceId ? { sourceId } : {}),
  };
  return { via: 'kafka', key: message.lead.anonymousIds[message.step.device], value: { ...envelope, ...event } };
}

/** The native event: ingest's own shape, also the body of an engagement.inbound.v1 record. */
function nativeEvent({ messageId, lead, step }: SimulatedMessage, occurredAt: string) {
  const anonymousId = lead.anonymousIds[step.device];
  return {
    messageId,
    type: step.type,
    occurredAt,
    identity: step.identifies ? { anonymousId, email: lead.email } : { anonymousId },
    properties: propertiesOf(step),
    ...(step.type === 'profile_update' ? { profile: profileOf(lead) } : {}),
  };
}

/** The properties a journey step's event carries, whichever interface sends it. */
export function propertiesOf(step: JourneyStep): Record<string, string> {
  if (step.type === 'page_view' || step.type === 'pricing_page_view') {
    return { url: `${SITE}${step.detail}`, path: step.detail ?? '/' };
  }
  return step.detail ? { item: step.detail } : {};
}

/** Who the person is: the same fields in a native profile and in Segment's reserved traits. */
function personOf(lead: SimulatedLead) {
  const { firstName, lastName, title, seniority } = lead.person;
  return { email: lead.email, firstName, lastName, title, seniority };
}

function profileOf(lead: SimulatedLead): InboundProfileV1 {
  const { name, domain, industry, employeeCount, country } = lead.company;
  return { ...personOf(lead), company: name, companyDomain: domain, industry, employeeCount, country };
}

function segmentRequest({ messageId, lead, step }: SimulatedMessage, timestamp: string): IngestRequest {
  const common = { messageId, anonymousId: lead.anonymousIds[step.device], timestamp };
  if (step.type === 'page_view' || step.type === 'pricing_page_view') {
    const body = { ...common, name: step.detail, properties: { path: step.detail, url: `${SITE}${step.detail}` } };
    return { via: 'segment', path: '/v1/page', body };
  }
  if (step.type === 'profile_update') {
    return { via: 'segment', path: '/v1/identify', body: { ...common, traits: segmentTraitsOf(lead) } };
  }
  const event = SEGMENT_TRACK_NAMES[step.type] ?? step.type;
  return { via: 'segment', path: '/v1/track', body: { ...common, event, properties: propertiesOf(step) } };
}

/** Segment's reserved identify traits, with the company as a nested object as Segment documents it. */
function segmentTraitsOf(lead: SimulatedLead): Record<string, unknown> {
  const { name, domain, industry, employeeCount, country } = lead.company;
  return {
    ...personOf(lead),
    industry,
    country,
    website: `https://${domain}`,
    company: { name, employee_count: employeeCount },
  };
}
