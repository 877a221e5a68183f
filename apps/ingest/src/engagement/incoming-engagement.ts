import type { EventProperties, InboundProfileV1 } from '@handoff/contracts';
import type { ActivityType } from '@handoff/shared-vocabulary';
import type { IncomingSalesActivity } from '../sales-activity/incoming-sales-activity';

/** Who did it, as the sender knows them (at least one is set). */
export interface IncomingIdentity {
  anonymousId?: string;
  userId?: string;
  email?: string;
}

/**
 * One engagement or profile update in Handoff's own terms, whichever API it came through (native,
 * Segment-compatible or Kafka). Validated before it gets this shape.
 */
export interface IncomingEngagement {
  /** The sender's id for this message: retries carry the same one, which is how duplicates are found. */
  messageId: string;
  type: ActivityType;
  customType?: string;
  /** Event time; receipt time is added when it is recorded. */
  occurredAt: string;
  identity: IncomingIdentity;
  properties: EventProperties;
  profile?: InboundProfileV1;
  /** An identify call links its identities on purpose; a plain event only reuses what is linked. */
  linksIdentities: boolean;
  correlationId?: string;
}

/** A Segment alias: links the id a person was known by to their user id, merging leads if needed. */
export interface IncomingAlias {
  previousId: string;
  userId: string;
  occurredAt: string;
  correlationId: string;
}

/** What an API's parser makes of one raw event (or, on the sales-activity API, one outcome). */
export type IncomingCall =
  | { engagement: IncomingEngagement }
  | { alias: IncomingAlias }
  | { salesActivity: IncomingSalesActivity }
  /** A well-formed payload that stands for nothing to record (a CRM stage that is not an outcome). */
  | { ignored: string };

/** Where a batch entry ended up, answered per event so a client can retry exactly the failed ones. */
export type EventOutcome =
  | { status: 'accepted'; eventId: string; leadId: string }
  | { status: 'duplicate'; eventId: string }
  | { status: 'linked'; leadId: string }
  | { status: 'in_flight' }
  | { status: 'ignored'; reason: string };
