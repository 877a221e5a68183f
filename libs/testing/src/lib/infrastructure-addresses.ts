import { validateConfig, withDatabase, withKafka, withRedis } from '@handoff/platform-config';

/** The services' own settings for the broker, PostgreSQL and Redis: same variables, defaults and parsing. */
class InfrastructureConfig extends withKafka(withDatabase(withRedis(class {}))) {}

export interface InfrastructureAddresses {
  kafkaBrokers: string[];
  databaseUrl: string;
  redisUrl: string;
}

/**
 * Where the real services are: KAFKA_BROKERS, DATABASE_URL and REDIS_URL read as the services read them
 * (unset or empty means the local instances `npm run infra:up` starts). Tests, benchmarks and scripts take
 * their addresses from here, so one environment points all of them at other instances. The helpers that
 * connect read it when they connect, so a run that starts its own infrastructure (the fault tests) can point
 * them at it by setting the environment first.
 */
export function infrastructureAddresses(
  env: Record<string, string | undefined> = process.env,
): InfrastructureAddresses {
  const config = validateConfig(InfrastructureConfig)(env);
  return { kafkaBrokers: config.KAFKA_BROKERS, databaseUrl: config.DATABASE_URL, redisUrl: config.REDIS_URL };
}

const addresses = infrastructureAddresses();
export const TEST_KAFKA_BROKERS = addresses.kafkaBrokers;
export const TEST_DATABASE_URL = addresses.databaseUrl;
export const TEST_REDIS_URL = addresses.redisUrl;
