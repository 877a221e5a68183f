import { randomUUID } from 'node:crypto';
import { ContractViolationError, type EngagementInboundV1 } from '@handoff/contracts';
import {
  classifyError,
  type BatchConsumerFactory,
  type BatchConsumerOptions,
  type ConsumedMessage,
  PoisonMessageError,
} from '@handoff/platform-kafka';
import { IngestConfig } from '../app/ingest.config';
import type { KeyLookup, SourceLookup } from '../sources/source-lookup.service';
import type { EngagementRecorder } from './engagement-recorder.service';
import { InboundEngagementConsumer, KAFKA_SOURCE_ID } from './inbound-engagement.consumer';

async function startedWith(settings: Partial<IngestConfig>): Promise<BatchConsumerOptions> {
  const created: BatchConsumerOptions[] = [];
  const factory = {
    create: (options: BatchConsumerOptions) => {
      created.push(options);
      return { start: async () => undefined };
    },
  } as unknown as BatchConsumerFactory;
  const config = Object.assign(new IngestConfig(), settings);
  await new InboundEngagementConsumer(
    factory,
    {} as EngagementRecorder,
    config,
    {} as SourceLookup,
  ).onApplicationBootstrap();
  return created[0];
}

describe('InboundEngagementConsumer', () => {
  it('starts a new group at the beginning of engagement.inbound.v1 by default, so no backlog is lost', async () => {
    expect(await startedWith({})).toMatchObject({ groupId: 'ingest.engagement-inbound', fromBeginning: true });
  });

  it('starts a new group at the end when INGEST_INBOUND_START_AT is latest', async () => {
    const options = await startedWith({ INGEST_INBOUND_GROUP_ID: 'ingest.green', INGEST_INBOUND_START_AT: 'latest' });

    expect(options).toMatchObject({ groupId: 'ingest.green', fromBeginning: false });
  });
});

const ACTIVE_ID = '0b6f2c7e-4a51-4a2d-9d3e-6f1e2a3b4c5d';
const REVOKED_ID = '1c7f3d8f-5b62-4b3e-8e4f-7f2f3b4c5d6e';

type RecordCall = (sourceId: string, engagements: { messageId: string }[]) => Promise<unknown>;

/** A consumer over sources ACTIVE_ID and KAFKA_SOURCE_ID (active) and REVOKED_ID, recording into `recorded` (or with `record`). */
function consumerOverSources(settings: Partial<IngestConfig> = {}, record?: RecordCall) {
  const statuses: Record<string, KeyLookup> = {
    [ACTIVE_ID]: { status: 'active', source: { id: ACTIVE_ID, name: 'HubSpot', requireSignature: false } },
    [KAFKA_SOURCE_ID]: { status: 'active', source: { id: KAFKA_SOURCE_ID, name: 'Kafka', requireSignature: false } },
    [REVOKED_ID]: { status: 'revoked' },
  };
  const sources = { byId: async (id: string) => statuses[id.toLowerCase()] ?? { status: 'unknown' } };
  const recorded: { sourceId: string; messageIds: string[] }[] = [];
  const recorder = {
    record:
      record ??
      (async (sourceId: string, engagements: { messageId: string }[]) => {
        recorded.push({ sourceId, messageIds: engagements.map((engagement) => engagement.messageId) });
        return engagements.map(() => ({ status: 'accepted' }));
      }),
  };
  const consumer = new InboundEngagementConsumer(
    {} as BatchConsumerFactory,
    recorder as unknown as EngagementRecorder,
    Object.assign(new IngestConfig(), settings),
    sources as unknown as SourceLookup,
  );
  return { consumer, recorded };
}

function inbound(sourceId?: string): ConsumedMessage<EngagementInboundV1> {
  const value: EngagementInboundV1 = {
    eventId: randomUUID(),
    occurredAt: '2026-12-01T10:00:00.000Z',
    schemaVersion: 1,
    correlationId: randomUUID(),
    type: 'page_view',
    identity: { anonymousId: 'anon-1' },
    properties: {},
    ...(sourceId === undefined ? {} : { sourceId }),
  };
  return {
    value,
    key: 'anon-1',
    topic: 'engagement.inbound.v1',
    partition: 0,
    offset: '0',
    headers: {},
    correlationId: value.correlationId,
  };
}

describe('InboundEngagementConsumer attribution', () => {
  it('records a record under the registered, active source it names, spelled as registered', async () => {
    const { consumer, recorded } = consumerOverSources();
    const message = inbound(ACTIVE_ID.toUpperCase());

    await consumer.handle([message]);

    expect(recorded).toEqual([{ sourceId: ACTIVE_ID, messageIds: [message.value.eventId] }]);
  });

  it('records a record without sourceId under the default inbound source', async () => {
    const { consumer, recorded } = consumerOverSources();
    const message = inbound();

    await consumer.handle([message]);

    expect(recorded).toEqual([{ sourceId: KAFKA_SOURCE_ID, messageIds: [message.value.eventId] }]);
  });

  it.each([
    ['an unknown source', 'hubspot-eu', 'sourceId hubspot-eu is not a registered source'],
    ['a revoked source', REVOKED_ID, `sourceId ${REVOKED_ID} is a revoked source`],
  ])(
    'dead-letters a chunk with a record of %s, naming why, before recording any of it',
    async (_, sourceId, reason) => {
      const { consumer, recorded } = consumerOverSources();

      const handled = consumer.handle([inbound(ACTIVE_ID), inbound(sourceId)]);

      await expect(handled).rejects.toThrow(new PoisonMessageError(reason));
      expect(recorded).toEqual([]);
    },
  );

  it('dead-letters a record without sourceId when the default source is not registered', async () => {
    const unregistered = '2d8f4e9a-6c73-4c4f-9f5a-8a3b4c5d6e7f';
    const { consumer } = consumerOverSources({ INGEST_INBOUND_DEFAULT_SOURCE_ID: unregistered });

    await expect(consumer.handle([inbound()])).rejects.toThrow(
      `INGEST_INBOUND_DEFAULT_SOURCE_ID ${unregistered} (the record names no sourceId) is not a registered source`,
    );
  });

  it('dead-letters a record whose published form would break its contract instead of retrying it', async () => {
    const { consumer } = consumerOverSources({}, async () => {
      throw new ContractViolationError('engagement.recorded.v1', [{ field: 'identity.anonymousId', reasons: ['x'] }]);
    });

    await expect(consumer.handle([inbound(ACTIVE_ID)])).rejects.toBeInstanceOf(PoisonMessageError);
  });

  it('fails a chunk whose message another request is recording with an error the platform retries, never dead-letters', async () => {
    const { consumer } = consumerOverSources({}, async () => [{ status: 'in_flight' }]);

    const failure = await consumer.handle([inbound(ACTIVE_ID)]).catch((error: unknown) => error);

    expect(classifyError(failure)).toBe('transient');
  });
});
