import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { type EngagementRecordedV1, Topics } from '@handoff/contracts';
import { EventProducer } from '@handoff/platform-kafka';
import { CorrelationContext, withTimeout } from '@handoff/platform-observability';
import { IngestConfig } from '../app/ingest.config';
import { IdentityResolver } from '../identity';
import { DedupeStore } from './dedupe.store';
import type { EventOutcome, IncomingEngagement } from './incoming-engagement';
import { eventIdOf, toRecordedEvent } from './recorded-event.factory';

/** Kafka did not acknowledge in time (or at all): nothing of the request was accepted; retry it. */
export class KafkaUnavailableError extends ServiceUnavailableException {
  constructor() {
    super({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'event stream unavailable: nothing was accepted; retry',
    });
  }
}

/**
 * Records engagements from any API: de-duplicates by (source, message id), resolves each to one lead,
 * and publishes them to engagement.recorded.v1 in one request, answering only after Kafka acknowledged.
 * If anything fails before the acknowledgement, every reservation is released, so the client's retry
 * is recorded exactly once.
 */
@Injectable()
export class EngagementRecorder {
  private readonly logger = new Logger(EngagementRecorder.name);

  constructor(
    private readonly dedupe: DedupeStore,
    private readonly identities: IdentityResolver,
    private readonly producer: EventProducer,
    private readonly config: IngestConfig,
  ) {}

  async record(sourceId: string, engagements: readonly IncomingEngagement[]): Promise<EventOutcome[]> {
    const reservations = await this.dedupe.reserve(
      sourceId,
      engagements.map((engagement) => engagement.messageId),
    );
    const fresh = engagements.filter((_, index) => reservations[index] === 'new');
    const freshIds = fresh.map((engagement) => engagement.messageId);
    let published: EngagementRecordedV1[];
    try {
      published = await this.publish(sourceId, fresh);
    } catch (error) {
      await this.dedupe.release(sourceId, freshIds);
      throw error;
    }
    await this.dedupe.confirm(sourceId, freshIds);
    const byMessageId = new Map(fresh.map((engagement, index) => [engagement.messageId, published[index]]));
    return engagements.map((engagement, index) =>
      outcomeOf(reservations[index], sourceId, engagement, byMessageId.get(engagement.messageId)),
    );
  }

  private async publish(sourceId: string, engagements: readonly IncomingEngagement[]): Promise<EngagementRecordedV1[]> {
    if (engagements.length === 0) return [];
    const receivedAt = new Date().toISOString();
    const resolutions = await this.identities.resolveMany(
      engagements.map((engagement) => ({
        input: engagement.identity,
        context: {
          reason: engagement.linksIdentities ? 'identify' : 'event',
          correlationId: engagement.correlationId ?? CorrelationContext.correlationId(),
          occurredAt: engagement.occurredAt,
        },
      })),
    );
    const events = engagements.map((engagement, index) =>
      toRecordedEvent(
        engagement,
        {
          sourceId,
          leadId: resolutions[index].leadId,
          correlationId: engagement.correlationId ?? CorrelationContext.correlationId(),
          receivedAt,
        },
        { stripPlusTag: this.config.INGEST_STRIP_PLUS_TAGS },
      ),
    );
    await this.sendWithDeadline(events);
    return events;
  }

  private async sendWithDeadline(events: EngagementRecordedV1[]): Promise<void> {
    const timeoutMs = this.config.INGEST_PUBLISH_TIMEOUT_MS;
    try {
      await withTimeout(
        this.producer.publish(Topics.engagementRecorded, events),
        timeoutMs,
        `no acknowledgement within ${timeoutMs} ms`,
      );
    } catch (error) {
      this.logger.warn({ msg: 'publishing engagements failed; answering 503', events: events.length, err: error });
      throw new KafkaUnavailableError();
    }
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
