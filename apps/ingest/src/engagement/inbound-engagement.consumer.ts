import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ContractViolationError, type EngagementInboundV1, Topics } from '@handoff/contracts';
import { BatchConsumerFactory, type ConsumedMessage, PoisonMessageError, onTopic } from '@handoff/platform-kafka';
import { IngestConfig } from '../app/ingest.config';
import { UnresolvableIdentityError } from '../identity';
import { EngagementRecorder } from './engagement-recorder.service';
import type { IncomingEngagement } from './incoming-engagement';

/** Source of inbound Kafka events that name none: producers are authenticated by the cluster, not by a key. */
export const KAFKA_SOURCE_ID = 'kafka';

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
 * the reason; an identity that cannot be resolved is poison too. Anything else is retried in place.
 */
@Injectable()
export class InboundEngagementConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: BatchConsumerFactory,
    private readonly recorder: EngagementRecorder,
    private readonly config: IngestConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const consumer = this.consumers.create({
      groupId: this.config.INGEST_INBOUND_GROUP_ID,
      fromBeginning: this.config.INGEST_INBOUND_START_AT === 'earliest',
      retryBudgetMs: this.config.KAFKA_CONSUMER_RETRY_BUDGET_MS,
      subscriptions: [onTopic(Topics.engagementInbound, (messages) => this.handle(messages))],
    });
    await consumer.start();
  }

  async handle(messages: ConsumedMessage<EngagementInboundV1>[]): Promise<void> {
    // Runs of one source keep the partition's order while each run is recorded in one request.
    for (const run of runsBySource(messages)) {
      const outcomes = await this.record(run.sourceId, run.messages.map(toEngagement));
      if (outcomes.some((outcome) => outcome.status === 'in_flight')) throw new MessageInFlightError();
    }
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

function runsBySource(messages: ConsumedMessage<EngagementInboundV1>[]) {
  const runs: { sourceId: string; messages: ConsumedMessage<EngagementInboundV1>[] }[] = [];
  for (const message of messages) {
    const sourceId = message.value.sourceId ?? KAFKA_SOURCE_ID;
    const last = runs.at(-1);
    if (last?.sourceId === sourceId) last.messages.push(message);
    else runs.push({ sourceId, messages: [message] });
  }
  return runs;
}
