import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ContractViolationError, type EngagementInboundV1, Topics } from '@handoff/contracts';
import { BatchConsumerFactory, type ConsumedMessage, PoisonMessageError, onTopic } from '@handoff/platform-kafka';
import { IngestConfig } from '../app/ingest.config';
import { UnresolvableIdentityError } from '../identity';
import { SourceLookup } from '../sources/source-lookup.service';
import { KAFKA_INBOUND_SOURCE_ID } from '../sources/kafka-inbound-source.migration';
import { EngagementRecorder } from './engagement-recorder.service';
import type { IncomingEngagement } from './incoming-engagement';

/** The default source of inbound Kafka records that name none (INGEST_INBOUND_DEFAULT_SOURCE_ID). */
export const KAFKA_SOURCE_ID = KAFKA_INBOUND_SOURCE_ID;

const SOURCE_REFUSALS = {
  revoked: 'is a revoked source',
  unknown: 'is not a registered source',
  misconfigured: 'cannot be used: its signing secret opens with no secret key (fix the keys, then replay)',
} as const;

/** A concurrent HTTP request is recording the same message: retry the chunk once it is done. */
class MessageInFlightError extends Error {
  /** Transient for the platform's classifier: retried in place for as long as it takes, never dead-lettered. */
  readonly retriable = true;

  constructor() {
    super('a message of this chunk is being recorded by another request');
    this.name = 'MessageInFlightError';
  }
}

/**
 * Consumes engagement.inbound.v1 (the native shape, produced by marketing tools to Kafka) and records it
 * like the HTTP APIs do. Invalid records never reach here: the platform consumer dead-letters them with
 * the reason; a record whose source is not registered and active, or whose identity cannot be resolved,
 * is poison too. Anything else is retried in place.
 */
@Injectable()
export class InboundEngagementConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: BatchConsumerFactory,
    private readonly recorder: EngagementRecorder,
    private readonly config: IngestConfig,
    private readonly sources: SourceLookup,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const consumer = this.consumers.create({
      groupId: this.config.INGEST_INBOUND_GROUP_ID,
      fromBeginning: this.config.INGEST_INBOUND_START_AT === 'earliest',
      subscriptions: [onTopic(Topics.engagementInbound, (messages) => this.handle(messages))],
    });
    await consumer.start();
  }

  async handle(messages: ConsumedMessage<EngagementInboundV1>[]): Promise<void> {
    // Runs of one source keep the partition's order while each run is recorded in one request.
    const runs = runsBySource(messages, this.config.INGEST_INBOUND_DEFAULT_SOURCE_ID);
    // Every source is checked before anything is recorded, so a chunk with a poison record has no side effects.
    const sourceIds = await Promise.all(runs.map((run) => this.registeredSourceId(run.sourceId, run.named)));
    for (const [index, run] of runs.entries()) {
      const outcomes = await this.record(sourceIds[index], run.messages.map(toEngagement));
      if (outcomes.some((outcome) => outcome.status === 'in_flight')) throw new MessageInFlightError();
    }
  }

  /** The canonical id of the record's source, which must be registered and active. */
  private async registeredSourceId(sourceId: string, named: boolean): Promise<string> {
    const lookup = await this.sources.byId(sourceId);
    if (lookup.status === 'active') return lookup.source.id;
    const whose = named
      ? `sourceId ${sourceId}`
      : `INGEST_INBOUND_DEFAULT_SOURCE_ID ${sourceId} (the record names no sourceId)`;
    throw new PoisonMessageError(`${whose} ${SOURCE_REFUSALS[lookup.status]}`);
  }

  private async record(sourceId: string, engagements: IncomingEngagement[]) {
    try {
      return await this.recorder.record(sourceId, engagements);
    } catch (error) {
      // Neither will change on a retry: dead-letter the record with its reason.
      if (error instanceof UnresolvableIdentityError || error instanceof ContractViolationError) {
        throw new PoisonMessageError(error.message);
      }
      throw error;
    }
  }
}

function toEngagement({ value }: ConsumedMessage<EngagementInboundV1>): IncomingEngagement {
  return {
    messageId: value.eventId,
    type: value.type,
    ...(value.customType ? { customType: value.customType } : {}),
    occurredAt: value.occurredAt,
    identity: value.identity,
    properties: value.properties,
    ...(value.profile ? { profile: value.profile } : {}),
    linksIdentities: value.type === 'profile_update',
    correlationId: value.correlationId,
  };
}

function runsBySource(messages: ConsumedMessage<EngagementInboundV1>[], defaultSourceId: string) {
  const runs: { sourceId: string; named: boolean; messages: ConsumedMessage<EngagementInboundV1>[] }[] = [];
  for (const message of messages) {
    const named = message.value.sourceId !== undefined;
    const sourceId = message.value.sourceId ?? defaultSourceId;
    const last = runs.at(-1);
    if (last?.sourceId === sourceId) last.messages.push(message);
    else runs.push({ sourceId, named, messages: [message] });
  }
  return runs;
}
