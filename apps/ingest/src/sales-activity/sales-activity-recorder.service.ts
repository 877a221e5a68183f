import { Injectable } from '@nestjs/common';
import { type SalesActivityV1, Topics } from '@handoff/contracts';
import { deterministicEventId } from '@handoff/domain-identity';
import type { EventOutcome } from '../engagement/incoming-engagement';
import { ReservedPublisher } from '../engagement/reserved-publisher';
import type { IncomingSalesActivity } from './incoming-sales-activity';

/** Event ids of outcomes received over HTTP: a namespace of their own, so they never equal an engagement's. */
const SALES_ACTIVITY_EVENT_ID_NAMESPACE = '0c7b9d52-8e41-4f6a-b3d7-2a95e1c4f806';

/**
 * Outcomes are reserved apart from engagements (a sales system may number its messages like a marketing tool
 * of the same source), so one message id can be one engagement and one outcome.
 */
const dedupeIdOf = (messageId: string) => `sales-activity:${messageId}`;

export function salesActivityEventIdOf(sourceId: string, messageId: string): string {
  return deterministicEventId(SALES_ACTIVITY_EVENT_ID_NAMESPACE, sourceId, messageId);
}

/** Publishes sales outcomes received over HTTP to sales.activity.v1, each message once. */
@Injectable()
export class SalesActivityRecorder {
  constructor(private readonly publisher: ReservedPublisher) {}

  async record(sourceId: string, activities: readonly IncomingSalesActivity[]): Promise<EventOutcome[]> {
    const dedupeIds = activities.map((activity) => dedupeIdOf(activity.messageId));
    const reservations = await this.publisher.reserve(sourceId, dedupeIds);
    const fresh = activities.filter((_, index) => reservations[index] === 'new');
    await this.publisher.publish(
      sourceId,
      Topics.salesActivity,
      fresh.map((activity) => eventOf(sourceId, activity)),
      fresh.map((activity) => dedupeIdOf(activity.messageId)),
    );
    return activities.map((activity, index): EventOutcome => {
      const eventId = salesActivityEventIdOf(sourceId, activity.messageId);
      if (reservations[index] === 'duplicate') return { status: 'duplicate', eventId };
      if (reservations[index] === 'in_flight') return { status: 'in_flight' };
      return { status: 'accepted', eventId, leadId: activity.leadId };
    });
  }
}

function eventOf(sourceId: string, { messageId, ...activity }: IncomingSalesActivity): SalesActivityV1 {
  return { ...activity, eventId: salesActivityEventIdOf(sourceId, messageId), schemaVersion: 1 };
}
