import { Injectable, Logger } from '@nestjs/common';
import { ContractViolationError, type EventEnvelope, type TopicContract } from '@handoff/contracts';
import { EventProducer } from '@handoff/platform-kafka';
import { withTimeout } from '@handoff/platform-observability';
import { DomainError } from '@handoff/shared-errors';
import { IngestConfig } from '../app/ingest.config';
import { DedupeStore, type Reservation } from './dedupe.store';

/** A dependency (Kafka, PostgreSQL, Redis) failed: nothing of the request was accepted; retry it. */
export class IngestUnavailableError extends DomainError {
  constructor(what: string, cause: unknown) {
    super('unavailable', `${what} unavailable: nothing was accepted; retry`, { cause });
    this.name = 'IngestUnavailableError';
  }
}

/**
 * Publishes each message of a source once, whatever the retries: every message id is reserved before its event
 * is sent and the reservation follows the send's real outcome, pending for as long as the send runs, released
 * when it fails (the client's retry publishes it), confirmed when it succeeds, even if that happens after the
 * answer was already a 503 (the retry then comes back as a duplicate).
 */
@Injectable()
export class ReservedPublisher {
  private readonly logger = new Logger(ReservedPublisher.name);

  constructor(
    private readonly dedupe: DedupeStore,
    private readonly producer: EventProducer,
    private readonly config: IngestConfig,
  ) {}

  /**
   * One reservation per message. A message repeated within the request (a replayed record next to its original
   * in one Kafka chunk, a client batching a retry) is reserved once: its later copies are duplicates of the
   * first, not messages in flight elsewhere that would fail the request for a retry.
   */
  async reserve(sourceId: string, messageIds: readonly string[]): Promise<Reservation[]> {
    const distinct = [...new Set(messageIds)];
    const reserved = await this.dedupe
      .reserve(sourceId, distinct)
      .catch((error: unknown) => this.unavailable('de-duplication store', error));
    const reservationOf = new Map(distinct.map((messageId, index) => [messageId, reserved[index]]));
    const seen = new Set<string>();
    return messageIds.map((messageId) => {
      const reservation = reservationOf.get(messageId) ?? 'in_flight';
      if (!seen.has(messageId)) {
        seen.add(messageId);
        return reservation;
      }
      return reservation === 'new' ? 'duplicate' : reservation;
    });
  }

  /** Frees reservations whose events will not be sent (a later step failed first); best effort. */
  async release(sourceId: string, messageIds: readonly string[]): Promise<void> {
    await this.dedupe.release(sourceId, messageIds).catch(() => undefined);
  }

  /** Sends the reserved messages' events and settles their reservations; throws IngestUnavailableError on failure. */
  async publish<V extends EventEnvelope>(
    sourceId: string,
    contract: TopicContract<V>,
    events: V[],
    messageIds: string[],
  ): Promise<void> {
    if (events.length === 0) return;
    const sending = this.producer.publish(contract, events);
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

  unavailable(what: string, error: unknown): never {
    this.logger.warn({ msg: `${what} failed; nothing recorded`, err: error });
    throw new IngestUnavailableError(what, error);
  }
}
