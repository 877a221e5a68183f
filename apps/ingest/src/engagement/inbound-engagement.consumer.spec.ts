import { ContractViolationError, type EngagementInboundV1, exampleEvents } from '@handoff/contracts';
import {
  classifyError,
  type BatchConsumerFactory,
  type BatchConsumerOptions,
  type ConsumedMessage,
  PoisonMessageError,
} from '@handoff/platform-kafka';
import { IngestConfig } from '../app/ingest.config';
import type { EngagementRecorder } from './engagement-recorder.service';
import { InboundEngagementConsumer } from './inbound-engagement.consumer';

async function startedWith(settings: Partial<IngestConfig>): Promise<BatchConsumerOptions> {
  const created: BatchConsumerOptions[] = [];
  const factory = {
    create: (options: BatchConsumerOptions) => {
      created.push(options);
      return { start: async () => undefined };
    },
  } as unknown as BatchConsumerFactory;
  const config = Object.assign(new IngestConfig(), settings);
  await new InboundEngagementConsumer(factory, {} as EngagementRecorder, config).onApplicationBootstrap();
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

  it('dead-letters a record whose published form would break its contract instead of retrying it', async () => {
    const recorder = {
      record: async () => {
        throw new ContractViolationError('engagement.recorded.v1', [{ field: 'identity.anonymousId', reasons: ['x'] }]);
      },
    } as unknown as EngagementRecorder;
    const consumer = new InboundEngagementConsumer({} as BatchConsumerFactory, recorder, new IngestConfig());
    const message = { value: { eventId: 'e-1', identity: { anonymousId: 'a' }, properties: {} } };

    await expect(consumer.handle([message as unknown as ConsumedMessage<EngagementInboundV1>])).rejects.toBeInstanceOf(
      PoisonMessageError,
    );
  });

  it('hands the configured retry budget to its consumer', async () => {
    expect(await startedWith({ KAFKA_CONSUMER_RETRY_BUDGET_MS: 90_000 })).toMatchObject({ retryBudgetMs: 90_000 });
  });

  it('fails a chunk whose message another request is recording with an error the platform retries, never dead-letters', async () => {
    const recorder = { record: async () => [{ status: 'in_flight' }] } as unknown as EngagementRecorder;
    const consumer = new InboundEngagementConsumer({} as BatchConsumerFactory, recorder, new IngestConfig());
    const value = exampleEvents.engagementInbound();
    const message = { value, key: null, topic: 't', partition: 0, offset: '0', headers: {}, correlationId: 'c' };

    const failure = await consumer.handle([message as ConsumedMessage<typeof value>]).catch((error: unknown) => error);

    expect(classifyError(failure)).toBe('transient');
  });
});
