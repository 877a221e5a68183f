import { type ConfigurableModuleAsyncOptions, ConfigurableModuleBuilder, Global, Module } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { METRICS_REGISTRY } from '@handoff/platform-observability';
import type { Registry } from 'prom-client';
import { BatchConsumerFactory } from './batch-consumer.factory';
import { EventProducer } from './event-producer';
import { KafkaClientFactory } from './kafka-client.factory';
import { KafkaHealthIndicator } from './kafka-health.indicator';
import { KafkaLifecycle } from './kafka-lifecycle.service';
import type { KafkaModuleOptions } from './kafka.options';
import { KAFKA_MODULE_OPTIONS } from './kafka.tokens';
import { TopicProvisioner } from './topic-provisioner';

const { ConfigurableModuleClass } = new ConfigurableModuleBuilder<KafkaModuleOptions>({
  optionsInjectionToken: KAFKA_MODULE_OPTIONS,
})
  .setClassMethodName('forRoot')
  .build();

/** `KafkaModule.forRootAsync` options: `useFactory` + `inject` (or `useClass`/`useExisting`), `imports`. */
export type KafkaModuleAsyncOptions = ConfigurableModuleAsyncOptions<KafkaModuleOptions>;

/**
 * Global Kafka wiring for a service: one producer, the provisioner, a consumer factory and the health
 * indicator. Needs `METRICS_REGISTRY` from the observability module.
 */
@Global()
@Module({
  providers: [
    {
      provide: KafkaClientFactory,
      useFactory: (moduleOptions: KafkaModuleOptions, registry: Registry) =>
        new KafkaClientFactory(moduleOptions, registry),
      inject: [KAFKA_MODULE_OPTIONS, METRICS_REGISTRY],
    },
    {
      provide: EventProducer,
      useFactory: (client: KafkaClientFactory) => client.createProducer(),
      inject: [KafkaClientFactory],
    },
    {
      provide: TopicProvisioner,
      useFactory: (client: KafkaClientFactory, moduleOptions: KafkaModuleOptions) =>
        client.createProvisioner(moduleOptions.replicationFactor, moduleOptions.minInsyncReplicas),
      inject: [KafkaClientFactory, KAFKA_MODULE_OPTIONS],
    },
    {
      provide: BatchConsumerFactory,
      useFactory: (client: KafkaClientFactory, producer: EventProducer, options: KafkaModuleOptions) =>
        new BatchConsumerFactory(client, producer, options.consumerDefaults),
      inject: [KafkaClientFactory, EventProducer, KAFKA_MODULE_OPTIONS],
    },
    HealthIndicatorService,
    KafkaHealthIndicator,
    KafkaLifecycle,
  ],
  exports: [KafkaClientFactory, EventProducer, TopicProvisioner, BatchConsumerFactory, KafkaHealthIndicator],
})
export class KafkaModule extends ConfigurableModuleClass {}
