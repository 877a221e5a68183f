import { createHash } from 'node:crypto';

/** The event types a subscription may ask for, each one topic (lead.qualified is its current version, v2). */
export const EVENT_TYPES = ['lead.routed', 'lead.qualified', 'lead.scored', 'rep.capacity'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Narrowing by what the events carry; every filter set must equal the event's field (an absent field fails it). */
export interface SubscriptionFilters {
  poolId?: string;
  teamId?: string;
  repId?: string;
  grade?: string;
}

export const FILTER_FIELDS = ['poolId', 'teamId', 'repId', 'grade'] as const;

/** What of a subscription decides whether an event goes to it. */
export interface Interest {
  eventTypes: readonly string[];
  filters: SubscriptionFilters;
}

/** The fields of an event that matching and ordering read. */
export interface EventFacts {
  eventId: string;
  leadId?: string;
  repId?: string;
  poolId?: string;
  teamId?: string;
  grade?: string;
}

export function matches(interest: Interest, type: EventType, event: EventFacts): boolean {
  if (!interest.eventTypes.includes(type)) return false;
  return FILTER_FIELDS.every(
    (field) => interest.filters[field] === undefined || interest.filters[field] === event[field],
  );
}

/**
 * The delivery id (the `webhook-id`): a UUID derived from subscription and event, so the same Kafka record
 * delivered twice names the same row and enqueues nothing new, and a receiver can deduplicate on it.
 */
export function deliveryIdOf(subscriptionId: string, eventId: string): string {
  const hex = createHash('sha256').update(`${subscriptionId.toLowerCase()}:${eventId.toLowerCase()}`).digest('hex');
  // Shaped as an RFC 9562 version 8 (custom) UUID.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** What deliveries to one endpoint are ordered by: the lead, or the rep for rep.capacity (which has no lead). */
export function orderKeyOf(event: EventFacts): string {
  return event.leadId ? `lead:${event.leadId}` : `rep:${event.repId ?? event.eventId}`;
}
