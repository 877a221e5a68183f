import type { LeadProfile } from '../state/lead-profile';

/**
 * An engagement as scoring needs it; the `engagement.recorded.v1` payload fits this shape as is.
 * `occurredAt` is the event time decay and windows are measured from.
 */
export interface Engagement {
  eventId: string;
  type: string;
  customType?: string;
  occurredAt: string;
  properties?: Record<string, unknown>;
  profile?: LeadProfile;
}
