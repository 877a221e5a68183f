import type { Type } from '@nestjs/common';
import { ALL_TOPICS, DEAD_LETTER_TOPICS } from '@handoff/contracts';
import { validateConfig } from '@handoff/platform-config';
import { createDataSourceOptions, runMigrations } from '@handoff/platform-database';
import { KafkaClientFactory, type TopicSpec, topicSpecsOf } from '@handoff/platform-kafka';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { kafkaSecurityOf } from '../kafka-security';
import { serviceDataSourceSettings } from '../service-data-source';
import { ServiceConfig } from '../service.config';
import type { ServiceRuntimeOptions } from '../service-runtime.module';

/** Every contract topic and its dead-letter topic: what a service provisions at boot and the `topics` job creates. */
export function serviceTopicSpecs(): TopicSpec[] {
  return topicSpecsOf(ALL_TOPICS, DEAD_LETTER_TOPICS);
}

/**
 * The settings a one-off job reads: the shared ServiceConfig with the service's own defaults (its schema, its
 * client id), validated on their own. A job so needs only its own credentials (a DDL-capable DATABASE_URL, or the
 * Kafka admin's), never the service's tokens and keys, which production mode would otherwise insist on.
 */
export function jobSettingsOf(configClass: Type<ServiceConfig>, env: Record<string, unknown>): ServiceConfig {
  const serviceDefaults = new configClass() as unknown as Record<string, unknown>;
  const shared = Object.keys(new ServiceConfig()).map((key) => [key, serviceDefaults[key]]);
  const setInEnv = Object.entries(env).filter(([, value]) => value !== undefined && value !== '');
  return validateConfig(ServiceConfig)({ ...Object.fromEntries(shared), ...Object.fromEntries(setInEnv) });
}

/** Creates the service's schema if missing and applies its pending migrations; returns their names. */
export async function migrateServiceSchema<C extends ServiceConfig>(
  options: ServiceRuntimeOptions<C>,
  settings: ServiceConfig,
): Promise<string[]> {
  const dataSource = new DataSource(
    createDataSourceOptions({
      ...serviceDataSourceSettings(options, settings),
      // Its own name in pg_stat_activity, and one connection: runMigrations does everything on one.
      applicationName: `${options.service}-migrate`,
      poolSize: 1,
    }),
  );
  await dataSource.initialize();
  try {
    return await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Creates the missing topics with the configured replication factor and min.insync.replicas; returns them. */
export async function provisionTopics(settings: ServiceConfig, topics: readonly TopicSpec[]): Promise<string[]> {
  const factory = new KafkaClientFactory(
    {
      clientId: `${settings.KAFKA_CLIENT_ID}-topics`,
      brokers: settings.KAFKA_BROKERS,
      ...kafkaSecurityOf(settings),
      logLevel: 'warn',
    },
    new Registry(),
  );
  const provisioner = factory.createProvisioner(settings.KAFKA_REPLICATION_FACTOR, settings.KAFKA_MIN_INSYNC_REPLICAS);
  return provisioner.ensureTopics(topics);
}
