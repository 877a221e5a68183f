import { IsString } from 'class-validator';
import { withDatabase, withKafka, withRedis } from './config-fragments';
import { PlatformConfig } from './platform.config';
import { ConfigValidationError, validateConfig } from './validate-config';

class ExampleServiceConfig extends withRedis(withDatabase(withKafka(PlatformConfig))) {
  override HTTP_PORT = 3101;
  override DATABASE_SCHEMA = 'example';

  @IsString()
  EXAMPLE_GREETING = 'hello';
}

const validate = validateConfig(ExampleServiceConfig);

function problemsOf(env: Record<string, string>): string[] {
  try {
    validate(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('validateConfig', () => {
  it('applies the platform, fragment and service defaults when nothing is set', () => {
    const config = validate({});

    expect(config).toBeInstanceOf(ExampleServiceConfig);
    expect(config).toMatchObject({
      HTTP_PORT: 3101,
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: 10000,
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      KAFKA_CLIENT_ID: 'handoff',
      KAFKA_PROVISION_TOPICS: true,
      KAFKA_REPLICATION_FACTOR: 1,
      KAFKA_MIN_INSYNC_REPLICAS: 1,
      KAFKA_PRODUCER_MAX_QUEUED_MESSAGES: 50_000,
      KAFKA_PRODUCER_MAX_QUEUED_BYTES: 16 * 1024 * 1024,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
      DATABASE_SCHEMA: 'example',
      DATABASE_POOL_SIZE: 10,
      DATABASE_MIGRATIONS_RUN: true,
      DATABASE_STATEMENT_TIMEOUT_MS: 5000,
      DATABASE_LOCK_TIMEOUT_MS: 2000,
      DATABASE_POOL_ACQUIRE_TIMEOUT_MS: 2000,
      INBOX_RETENTION_DAYS: 14,
      REDIS_URL: 'redis://127.0.0.1:6379',
      EXAMPLE_GREETING: 'hello',
    });
  });

  it('coerces numbers, booleans and broker lists from env strings', () => {
    const config = validate({
      HTTP_PORT: '8080',
      DATABASE_POOL_SIZE: '25',
      KAFKA_PROVISION_TOPICS: 'false',
      DATABASE_MIGRATIONS_RUN: '0',
      KAFKA_BROKERS: ' kafka-1:9092, kafka-2:9093 ,',
    });

    expect(config.HTTP_PORT).toBe(8080);
    expect(config.DATABASE_POOL_SIZE).toBe(25);
    expect(config.KAFKA_PROVISION_TOPICS).toBe(false);
    expect(config.DATABASE_MIGRATIONS_RUN).toBe(false);
    expect(config.KAFKA_BROKERS).toEqual(['kafka-1:9092', 'kafka-2:9093']);
  });

  it('rejects numbers that are not plain integers rather than guessing', () => {
    expect(problemsOf({ HTTP_PORT: '80.5', SHUTDOWN_TIMEOUT_MS: '1e4' })).toEqual([
      expect.stringMatching(/^HTTP_PORT: .*integer/),
      expect.stringMatching(/^SHUTDOWN_TIMEOUT_MS: .*integer/),
    ]);
  });

  it('defaults the consumer retry budget to five minutes and refuses one under a second', () => {
    expect(validate({}).KAFKA_CONSUMER_RETRY_BUDGET_MS).toBe(300_000);
    expect(validate({ KAFKA_CONSUMER_RETRY_BUDGET_MS: '60000' }).KAFKA_CONSUMER_RETRY_BUDGET_MS).toBe(60_000);
    expect(problemsOf({ KAFKA_CONSUMER_RETRY_BUDGET_MS: '500' })).toEqual([
      expect.stringMatching(/^KAFKA_CONSUMER_RETRY_BUDGET_MS: .*not be less than 1000/),
    ]);
  });

  it('defaults the consumer session timeout to the 30 s of Kafka clients and keeps it within what brokers accept', () => {
    expect(validate({}).KAFKA_CONSUMER_SESSION_TIMEOUT_MS).toBe(30_000);
    expect(validate({ KAFKA_CONSUMER_SESSION_TIMEOUT_MS: '10000' }).KAFKA_CONSUMER_SESSION_TIMEOUT_MS).toBe(10_000);
    expect(problemsOf({ KAFKA_CONSUMER_SESSION_TIMEOUT_MS: '3000' })).toEqual([
      expect.stringMatching(/^KAFKA_CONSUMER_SESSION_TIMEOUT_MS: .*not be less than 6000/),
    ]);
  });

  it('treats empty variables as unset so the default applies', () => {
    expect(validate({ HTTP_PORT: '', LOG_LEVEL: '' })).toMatchObject({ HTTP_PORT: 3101, LOG_LEVEL: 'info' });
  });

  it('drops unrelated environment variables from the result', () => {
    expect(validate({ PATH: '/usr/bin', HOME: '/root' })).not.toHaveProperty('PATH');
  });

  it('rejects every bad variable in one error naming each variable and its reason', () => {
    const problems = problemsOf({
      HTTP_PORT: 'eighty',
      LOG_LEVEL: 'loud',
      KAFKA_PROVISION_TOPICS: 'maybe',
      KAFKA_BROKERS: 'no-port',
      DATABASE_URL: 'mysql://db',
      DATABASE_POOL_SIZE: '0',
      REDIS_URL: 'localhost:6379',
    });

    expect(problems).toEqual([
      expect.stringMatching(/^HTTP_PORT: .*integer/),
      expect.stringMatching(/^LOG_LEVEL: .*one of the following values: debug, info, warn, error/),
      expect.stringMatching(/^KAFKA_BROKERS: .*host:port/),
      expect.stringMatching(/^KAFKA_PROVISION_TOPICS: .*boolean/),
      expect.stringMatching(/^DATABASE_URL: .*postgres:\/\//),
      expect.stringMatching(/^DATABASE_POOL_SIZE: .*not be less than 1/),
      expect.stringMatching(/^REDIS_URL: .*redis:\/\//),
    ]);
  });

  it('puts every problem in the error message and never echoes the rejected values', () => {
    expect(() => validate({ HTTP_PORT: '99999', DATABASE_URL: 'mysql://user:s3cret@db' })).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/HTTP_PORT: must not be greater than 65535[\s\S]*DATABASE_URL: /),
      }),
    );
    expect(() => validate({ DATABASE_URL: 'mysql://user:s3cret@db' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('s3cret') }),
    );
  });
});
