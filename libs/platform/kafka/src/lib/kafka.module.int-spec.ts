import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { METRICS_REGISTRY } from '@handoff/platform-observability';
import { TEST_KAFKA_BROKERS, waitFor } from '@handoff/testing';
import { Registry } from 'prom-client';
import { runId, testEvent, testTopic } from '../testing/test-event.fixture';
import { FAST_CONSUMER, quietLogs } from '../testing/kafka-test-kit';
import { BatchConsumerFactory } from './batch-consumer.factory';
import { EventProducer } from './event-producer';
import { KafkaHealthIndicator } from './kafka-health.indicator';
import { KafkaModule } from './kafka.module';
import { onTopic } from './topic-subscription';

const registry = new Registry();

@Global()
@Module({
  providers: [{ provide: METRICS_REGISTRY, useValue: registry }],
  exports: [METRICS_REGISTRY],
})
class TestMetricsModule {}

describe('KafkaModule against the real broker', () => {
  beforeAll(() => quietLogs());

  it('provisions and connects at bootstrap, reports ready once consumers joined, and stops everything on shutdown', async () => {
    const topic = testTopic(`int.module.${runId()}.v1`, 2);
    const moduleRef = await Test.createTestingModule({
      imports: [
        TestMetricsModule,
        KafkaModule.forRootAsync({
          useFactory: () => ({
            clientId: `module-${runId()}`,
            brokers: TEST_KAFKA_BROKERS,
            logLevel: 'error' as const,
            provisionTopics: [{ name: topic.name, partitions: topic.partitions }],
          }),
        }),
      ],
    }).compile();
    const app = moduleRef.createNestApplication();
    await app.init();
    const health = app.get(KafkaHealthIndicator);
    const received: number[] = [];
    const consumer = app.get(BatchConsumerFactory).create({
      groupId: `module-${runId()}`,
      ...FAST_CONSUMER,
      subscriptions: [onTopic(topic, async (m) => void received.push(m.length))],
    });

    const beforeStart = await health.check();
    await consumer.start();
    await waitFor('the consumer to join its group', () => consumer.isJoined());
    await app.get(EventProducer).publish(topic, [testEvent('lead-m', 0)]);
    await waitFor('the published event to be received', () => received.length > 0);
    const whileRunning = await health.check();
    await app.close();

    expect(beforeStart.kafka.status).toBe('down');
    expect(whileRunning).toEqual({
      kafka: {
        status: 'up',
        cluster: 'reachable',
        producer: 'connected',
        consumers: { [consumer.groupId]: 'joined' },
      },
    });
    expect((await health.check()).kafka.status).toBe('down');
    expect(consumer.isJoined()).toBe(false);
    const metrics = await registry.getMetricsAsJSON();
    expect(metrics.map((metric) => metric.name)).toEqual(
      expect.arrayContaining([
        'handoff_kafka_consumed_records_total',
        'handoff_kafka_produced_records_total',
        'handoff_kafka_rebalances_total',
      ]),
    );
  });
});
