import { Registry } from 'prom-client';
import type { BatchConsumerOptions } from './batch-consumer';
import { BatchConsumerFactory } from './batch-consumer.factory';
import type { EventProducer } from './event-producer';
import { KafkaClientFactory } from './kafka-client.factory';

function factoryRecording(defaults: ConstructorParameters<typeof BatchConsumerFactory>[2]) {
  const client = new KafkaClientFactory({ clientId: 'factory-spec', brokers: ['127.0.0.1:1'] }, new Registry());
  const created: BatchConsumerOptions[] = [];
  const createConsumer = client.createConsumer.bind(client);
  client.createConsumer = (options, deadLetters) => {
    created.push(options);
    return createConsumer(options, deadLetters);
  };
  return { factory: new BatchConsumerFactory(client, {} as EventProducer, defaults), created };
}

describe('BatchConsumerFactory', () => {
  it("starts every consumer with the service's KAFKA_CONSUMER_* defaults", () => {
    const { factory, created } = factoryRecording({ retryBudgetMs: 90_000, sessionTimeoutMs: 10_000 });

    factory.create({ groupId: 'scoring', subscriptions: [] });

    expect(created[0]).toMatchObject({ groupId: 'scoring', retryBudgetMs: 90_000, sessionTimeoutMs: 10_000 });
    expect(factory.all()).toHaveLength(1);
  });

  it("lets a consumer's own options win over the defaults", () => {
    const { factory, created } = factoryRecording({ retryBudgetMs: 90_000 });

    factory.create({ groupId: 'quota', subscriptions: [], retryBudgetMs: 1_000 });

    expect(created[0].retryBudgetMs).toBe(1_000);
  });
});
