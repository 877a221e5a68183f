import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { PlatformConfigModule } from '@handoff/platform-config';
import { DatabaseHealthIndicator, DatabaseModule, Inbox, OutboxRelay } from '@handoff/platform-database';
import { EventProducer, KafkaHealthIndicator, KafkaModule } from '@handoff/platform-kafka';
import { HealthModule, METRICS_REGISTRY, ObservabilityModule } from '@handoff/platform-observability';
import { RedisHealthIndicator, RedisModule } from '@handoff/platform-redis';
import type { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { type TokenSettings, TokenAuthModule } from './http/bearer-token.guard';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { createValidationPipe } from './http/validation.pipe';
import { InboxRetention } from './inbox-retention';
import { OutboxRelayLifecycle } from './outbox-relay.lifecycle';
import { ServiceConfig } from './service.config';
import { serviceDataSourceSettings } from './service-data-source';
import { serviceTopicSpecs } from './main/service-jobs';
import { kafkaSecurityOf } from './kafka-security';

export interface ServiceRuntimeOptions<C extends ServiceConfig> {
  /** Service name on logs and metrics, Kafka client id prefix and database application name. */
  service: string;
  /** The service's one config class (extends ServiceConfig). */
  config: Type<C>;
  /** The service's own TypeORM entities (the inbox and outbox entities are always included). */
  entities?: Type[];
  /** The service's own migrations, in order; the inbox/outbox migration runs first. */
  migrations?: Type[];
  /** Environment to read the config from; tests pass their own. */
  env?: Record<string, unknown>;
  /**
   * The bearer token of each named scope routes require with `@RequireToken(scope)`, e.g.
   * `{ admin: (c) => c.X_ADMIN_TOKEN, read: (c) => c.X_READ_TOKEN }`; an unset token is open outside production.
   */
  tokens?: TokenSettings<C>;
}

/**
 * Everything a Handoff service stands on, wired the same way in all four: validated config, JSON logs
 * and metrics, its PostgreSQL schema (migrated at boot), Redis, Kafka (topics provisioned, producer
 * connected), the outbox relay, inbox pruning, /health/live + /health/ready over database, Redis and
 * Kafka, one error shape for every HTTP API (validation pipe and exception filter), and the bearer token
 * scopes (`tokens`) that guard operator endpoints and lead-data reads.
 */
@Module({})
export class ServiceRuntimeModule {
  // Not a ConfigurableModuleBuilder module: generic in the service config class, it composes the other modules.
  static forRoot<C extends ServiceConfig>(options: ServiceRuntimeOptions<C>): DynamicModule {
    const { service, config } = options;
    return {
      module: ServiceRuntimeModule,
      imports: [
        PlatformConfigModule.forRoot(config, options.env),
        ObservabilityModule.forRoot({ service }),
        DatabaseModule.forRootAsync({
          inject: [config],
          useFactory: (settings: C) => ({
            ...serviceDataSourceSettings(options, settings),
            migrateAtBoot: settings.DATABASE_MIGRATIONS_RUN,
          }),
        }),
        RedisModule.forRootAsync({
          inject: [config],
          useFactory: (settings: C) => ({ url: settings.REDIS_URL, connectionName: service }),
        }),
        KafkaModule.forRootAsync({
          inject: [config],
          useFactory: (settings: C) => ({
            clientId: settings.KAFKA_CLIENT_ID,
            brokers: settings.KAFKA_BROKERS,
            ...kafkaSecurityOf(settings),
            consumerDefaults: {
              retryBudgetMs: settings.KAFKA_CONSUMER_RETRY_BUDGET_MS,
              sessionTimeoutMs: settings.KAFKA_CONSUMER_SESSION_TIMEOUT_MS,
              heartbeatIntervalMs: Math.min(3_000, Math.floor(settings.KAFKA_CONSUMER_SESSION_TIMEOUT_MS / 10)),
              lagIntervalMs: settings.KAFKA_CONSUMER_LAG_INTERVAL_MS,
            },
            provisionTopics: settings.KAFKA_PROVISION_TOPICS ? serviceTopicSpecs() : undefined,
            replicationFactor: settings.KAFKA_REPLICATION_FACTOR,
            minInsyncReplicas: settings.KAFKA_MIN_INSYNC_REPLICAS,
            producerQueue: {
              maxQueuedMessages: settings.KAFKA_PRODUCER_MAX_QUEUED_MESSAGES,
              maxQueuedBytes: settings.KAFKA_PRODUCER_MAX_QUEUED_BYTES,
            },
          }),
        }),
        HealthModule.forRoot({ indicators: [DatabaseHealthIndicator, RedisHealthIndicator, KafkaHealthIndicator] }),
        ...(options.tokens ? [TokenAuthModule.forRoot(config, options.tokens)] : []),
      ],
      providers: [
        {
          provide: OutboxRelay,
          inject: [DataSource, EventProducer, METRICS_REGISTRY],
          useFactory: (dataSource: DataSource, producer: EventProducer, registry: Registry) =>
            new OutboxRelay(dataSource, { send: (messages) => producer.publishRaw(messages) }, { metrics: registry }),
        },
        OutboxRelayLifecycle,
        {
          provide: InboxRetention,
          inject: [DataSource, config],
          useFactory: (dataSource: DataSource, settings: C) =>
            new InboxRetention(new Inbox(dataSource), { retentionDays: settings.INBOX_RETENTION_DAYS }),
        },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [OutboxRelay, InboxRetention],
    };
  }
}
