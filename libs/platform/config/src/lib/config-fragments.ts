import { ArrayNotEmpty, IsArray, IsBoolean, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { EnvBoolean, EnvInt, EnvList } from './env-transforms';

/** TypeScript mixins require exactly this constructor shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ConfigConstructor<T = object> = new (...args: any[]) => T;

const HOST_PORT = /^[^\s:,]+:\d{1,5}$/;
const SQL_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Adds the Kafka client settings. */
export function withKafka<TBase extends ConfigConstructor>(Base: TBase) {
  class KafkaConfig extends Base {
    @EnvList()
    @IsArray()
    @ArrayNotEmpty()
    @Matches(HOST_PORT, { each: true, message: 'KAFKA_BROKERS must be a comma-separated list of host:port' })
    KAFKA_BROKERS: string[] = ['127.0.0.1:9092'];

    @IsString()
    @Matches(/^[A-Za-z0-9._-]+$/, { message: 'KAFKA_CLIENT_ID may only contain letters, digits, ".", "_" and "-"' })
    KAFKA_CLIENT_ID = 'handoff';

    /** Create the service's topics (with their contract's partition count) at boot when missing. */
    @EnvBoolean()
    @IsBoolean()
    KAFKA_PROVISION_TOPICS = true;

    /** How long a consumer retries a record failing with an unclassified error before dead-lettering it. */
    @EnvInt()
    @IsInt()
    @Min(1_000)
    KAFKA_CONSUMER_RETRY_BUDGET_MS = 300_000;
  }
  return KafkaConfig;
}

/** Adds the PostgreSQL settings; each service overrides DATABASE_SCHEMA with its own schema. */
export function withDatabase<TBase extends ConfigConstructor>(Base: TBase) {
  class DatabaseConfig extends Base {
    @IsString()
    @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
    DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

    @IsString()
    @Matches(SQL_IDENTIFIER, { message: 'DATABASE_SCHEMA must be a lower-case SQL identifier' })
    DATABASE_SCHEMA = 'public';

    @EnvInt()
    @IsInt()
    @Min(1)
    @Max(200)
    DATABASE_POOL_SIZE = 10;

    @EnvBoolean()
    @IsBoolean()
    DATABASE_MIGRATIONS_RUN = true;
  }
  return DatabaseConfig;
}

/** Adds the Redis connection URL. */
export function withRedis<TBase extends ConfigConstructor>(Base: TBase) {
  class RedisConfig extends Base {
    @IsString()
    @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
    REDIS_URL = 'redis://127.0.0.1:6379';
  }
  return RedisConfig;
}
