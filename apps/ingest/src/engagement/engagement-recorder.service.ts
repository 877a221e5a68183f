import { Injectable } from '@nestjs/common';
import { type EngagementRecordedV1, Topics } from '@handoff/contracts';
import { CorrelationContext } from '@handoff/platform-observability';
import { IngestConfig } from '../app/ingest.config';
import { ContactVault, contactDetailsOf } from '../contacts';
import { IdentityResolver, UnresolvableIdentityError } from '../identity';
import type { Reservation } from './dedupe.store';
import type { EventOutcome, IncomingEngagement } from './incoming-engagement';
import { eventIdOf, toRecordedEvent } from './recorded-event.factory';
import { ReservedPublisher } from './reserved-publisher';

/**
 * Records engagements from any API: de-duplicates by (source, message id), resolves each to one lead,
 * and publishes them to engagement.recorded.v1 in one request, answering only after Kafka acknowledged. Each
 * message lands once (ReservedPublisher).
 */
@Injectable()
export class EngagementRecorder {
  constructor(
    private readonly publisher: ReservedPublisher,
    private readonly identities: IdentityResolver,
    private readonly config: IngestConfig,
    private readonly contacts: ContactVault,
  ) {}

  async record(sourceId: string, engagements: readonly IncomingEngagement[]): Promise<EventOutcome[]> {
    const reservations = await this.publisher.reserve(
      sourceId,
      engagements.map((engagement) => engagement.messageId),
    );
    const fresh = engagements.filter((_, index) => reservations[index] === 'new');
    const freshIds = fresh.map((engagement) => engagement.messageId);
    let events: EngagementRecordedV1[];
    try {
      events = await this.attribute(sourceId, fresh);
    } catch (error) {
      await this.publisher.release(sourceId, freshIds);
      // An identity that cannot be resolved is bad input, not an outage.
      if (error instanceof UnresolvableIdentityError) throw error;
      return this.publisher.unavailable('identity store', error);
    }
    await this.keepContacts(fresh, events).catch(async (error: unknown) => {
      await this.publisher.release(sourceId, freshIds);
      this.publisher.unavailable('contact vault', error);
    });
    await this.publisher.publish(sourceId, Topics.engagementRecorded, events, freshIds);
    const byMessageId = new Map(fresh.map((engagement, index) => [engagement.messageId, events[index]]));
    return engagements.map((engagement, index) =>
      outcomeOf(reservations[index], sourceId, engagement, byMessageId.get(engagement.messageId)),
    );
  }

  /** Resolves each engagement's lead and builds the events to publish. */
  private async attribute(
    sourceId: string,
    engagements: readonly IncomingEngagement[],
  ): Promise<EngagementRecordedV1[]> {
    if (engagements.length === 0) return [];
    const receivedAt = new Date().toISOString();
    const correlationIds = engagements.map(
      (engagement) => engagement.correlationId ?? CorrelationContext.correlationId(),
    );
    const resolutions = await this.identities.resolveMany(
      engagements.map((engagement, index) => ({
        input: engagement.identity,
        context: {
          reason: engagement.linksIdentities ? 'identify' : 'event',
          correlationId: correlationIds[index],
          occurredAt: engagement.occurredAt,
        },
      })),
    );
    const emailOptions = { stripPlusTag: this.config.INGEST_STRIP_PLUS_TAGS };
    return engagements.map((engagement, index) =>
      toRecordedEvent(
        engagement,
        { sourceId, leadId: resolutions[index].leadId, correlationId: correlationIds[index], receivedAt },
        emailOptions,
      ),
    );
  }

  /** The clear contact details go to the vault before their events are published without them. */
  private keepContacts(engagements: readonly IncomingEngagement[], events: readonly EngagementRecordedV1[]) {
    return this.contacts.record(
      engagements.map((engagement, index) => ({
        leadId: events[index].leadId,
        details: contactDetailsOf(engagement),
        occurredAt: engagement.occurredAt,
      })),
    );
  }
}

function outcomeOf(
  reservation: Reservation,
  sourceId: string,
  engagement: IncomingEngagement,
  published: EngagementRecordedV1 | undefined,
): EventOutcome {
  if (reservation === 'duplicate') return { status: 'duplicate', eventId: eventIdOf(sourceId, engagement.messageId) };
  if (reservation === 'in_flight' || !published) return { status: 'in_flight' };
  return { status: 'accepted', eventId: published.eventId, leadId: published.leadId };
}
