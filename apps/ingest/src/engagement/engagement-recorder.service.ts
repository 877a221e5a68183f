import { Injectable, Logger } from '@nestjs/common';
import { ContractViolationError, type EngagementRecordedV1, Topics } from '@handoff/contracts';
import { EventProducer } from '@handoff/platform-kafka';
import { CorrelationContext, withTimeout } from '@handoff/platform-observability';
import { DomainError } from '@handoff/shared-errors';
import { IngestConfig } from '../app/ingest.config';
import { ContactVault, contactDetailsOf } from '../contacts';
import { IdentityResolver, UnresolvableIdentityError } from '../identity';
import { DedupeStore, type Reservation } from './dedupe.store';
import type { EventOutcome, IncomingEngagement } from './incoming-engagement';
import { eventIdOf, toRecordedEvent } from './recorded-event.factory';

/** A dependency (Kafka, PostgreSQL, Redis) failed: nothing of the request was accepted; retry it. */
export class IngestUnavailableError extends DomainError {
  constructor(what: string, cause: unknown) {
    super('unavailable', `${what} unavailable: nothing was accepted; retry`, { cause });
    this.name = 'IngestUnavailableError';
  }
}

/**
 * Records engagements from any API: de-duplicates by (source, message id), resolves each to one lead,
 * and publishes them to engagement.recorded.v1 in one request, answering only after Kafka acknowledged.
 * Reservations follow the send's real outcome, and stay pending for as long as the send runs: released
 * when it fails (the client's retry records the events), confirmed when it succeeds, even if that happens
 * after the answer was already a 503 (the retry then comes back as a duplicate). Each message lands once.
 */
@Injectable()
export class EngagementRecorder {
  private readonly logger = new Logger(EngagementRecorder.name);

  constructor(
    private readonly dedupe: DedupeStore,
    private readonly identities: IdentityResolver,
    private readonly producer: EventProducer,
    private readonly config: IngestConfig,
    private readonly contacts: ContactVault,
  ) {}

  async record(sourceId: string, engagements: readonly IncomingEngagement[]): Promise<EventOutcome[]> {
    const reservations = await this.reserve(sourceId, engagements);
    const fresh = engagements.filter((_, index) => reservations[index] === 'new');
    const freshIds = fresh.map((engagement) => engagement.messageId);
    let events: EngagementRecordedV1[];
    try {
      events = await this.attribute(sourceId, fresh);
    } catch (error) {
      await this.dedupe.release(sourceId, freshIds).catch(() => undefined);
      // An identity that cannot be resolved is bad input, not an outage.
      if (error instanceof UnresolvableIdentityError) throw error;
      return this.unavailable('identity store', error);
    }
    await this.keepContacts(fresh, events).catch(async (error: unknown) => {
      await this.dedupe.release(sourceId, freshIds).catch(() => undefined);
      this.unavailable('contact vault', error);
    });
    await this.publish(sourceId, events, freshIds);
    const byMessageId = new Map(fresh.map((engagement, index) => [engagement.messageId, events[index]]));
    return engagements.map((engagement, index) =>
      outcomeOf(reservations[index], sourceId, engagement, byMessageId.get(engagement.messageId)),
    );
  }

  /**
   * One reservation per engagement. A message repeated within the request (a replayed record next to
   * its original in one Kafka chunk, a client batching a retry) is reserved once: its later copies are
   * duplicates of the first, not messages in flight elsewhere that would fail the request for a retry.
   */
  private async reserve(sourceId: string, engagements: readonly IncomingEngagement[]): Promise<Reservation[]> {
    const messageIds = [...new Set(engagements.map((engagement) => engagement.messageId))];
    const reserved = await this.dedupe
      .reserve(sourceId, messageIds)
      .catch((error: unknown) => this.unavailable('de-duplication store', error));
    const reservationOf = new Map(messageIds.map((messageId, index) => [messageId, reserved[index]]));
    const seen = new Set<string>();
    return engagements.map(({ messageId }) => {
      const reservation = reservationOf.get(messageId) ?? 'in_flight';
      if (!seen.has(messageId)) {
        seen.add(messageId);
        return reservation;
      }
      return reservation === 'new' ? 'duplicate' : reservation;
    });
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

  private async publish(sourceId: string, events: EngagementRecordedV1[], messageIds: string[]): Promise<void> {
    if (events.length === 0) return;
    const sending = this.producer.publish(Topics.engagementRecorded, events);
    const settled = this.dedupe.holdWhile(sourceId, messageIds, sending).then(
      () => this.dedupe.confirm(sourceId, messageIds),
      async (error: unknown) => {
        await this.dedupe.release(sourceId, messageIds);
        throw error;
      },
    );
    const timeoutMs = this.config.INGEST_PUBLISH_TIMEOUT_MS;
    try {
      await withTimeout(settled, timeoutMs, `no acknowledgement within ${timeoutMs} ms`);
    } catch (error) {
      // The send may still finish after we stop waiting; its outcome settles the reservations then.
      settled.catch(() => undefined);
      // An event its own contract rejects is bad input (HTTP callers check it first), never an outage.
      if (error instanceof ContractViolationError) throw error;
      this.unavailable('event stream', error);
    }
  }

  private unavailable(what: string, error: unknown): never {
    this.logger.warn({ msg: `${what} failed; nothing recorded`, err: error });
    throw new IngestUnavailableError(what, error);
  }
}

function outcomeOf(
  reservation: string,
  sourceId: string,
  engagement: IncomingEngagement,
  published: EngagementRecordedV1 | undefined,
): EventOutcome {
  if (reservation === 'duplicate') return { status: 'duplicate', eventId: eventIdOf(sourceId, engagement.messageId) };
  if (reservation === 'in_flight' || !published) return { status: 'in_flight' };
  return { status: 'accepted', eventId: published.eventId, leadId: published.leadId };
}
