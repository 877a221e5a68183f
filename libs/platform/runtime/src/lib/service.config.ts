import { PlatformConfig, withDatabase, withKafka, withKafkaSecurity, withRedis } from '@handoff/platform-config';

/**
 * Settings shared by all four services (HTTP, logging, Kafka, PostgreSQL, Redis). Each service
 * extends it once with its own defaults (port, schema, client id) and its own settings.
 */
export class ServiceConfig extends withRedis(withDatabase(withKafkaSecurity(withKafka(PlatformConfig)))) {}
