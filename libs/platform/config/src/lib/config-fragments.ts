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

    /**
     * How long the broker waits for a silent consumer before handing its partitions to the rest of the group: the
     * pause a crashed replica causes. 6 s is the broker's minimum; heartbeats go every tenth of it (at most 3 s).
     */
    @EnvInt()
    @IsInt()
    @Min(6_000)
    @Max(300_000)
    KAFKA_CONSUMER_SESSION_TIMEOUT_MS = 30_000;

    /** How often each consumer reads its partitions' lag (end offsets minus the group's commits) from the broker. */
    @EnvInt()
    @IsInt()
    @Min(1_000)
    KAFKA_CONSUMER_LAG_INTERVAL_MS = 15_000;

    /** Replicas of each topic the service creates: 1 fits one local broker; 3 in production. */
    @EnvInt()
    @IsInt()
    @Min(1)
    KAFKA_REPLICATION_FACTOR = 1;

    /** min.insync.replicas of each topic the service creates (acks=all needs this many): 2 in production. */
    @EnvInt()
    @IsInt()
    @Min(1)
    KAFKA_MIN_INSYNC_REPLICAS = 1;

    /** Most records waiting in the producer behind the request in flight; past it publishes fail at once (503). */
    @EnvInt()
    @IsInt()
    @Min(1)
    KAFKA_PRODUCER_MAX_QUEUED_MESSAGES = 50_000;

    /** Most key and value bytes waiting in the producer; same rule. */
    @EnvInt()
    @IsInt()
    @Min(1024)
    KAFKA_PRODUCER_MAX_QUEUED_BYTES = 16 * 1024 * 1024;
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

    /** Longest a statement may run before PostgreSQL cancels it (statement_timeout); 0 disables it. */
    @EnvInt()
    @IsInt()
    @Min(0)
    DATABASE_STATEMENT_TIMEOUT_MS = 5000;

    /** Longest a statement waits for a row or table lock before failing (lock_timeout); 0 disables it. */
    @EnvInt()
    @IsInt()
    @Min(0)
    DATABASE_LOCK_TIMEOUT_MS = 2000;

    /** Longest a query waits for a free pooled connection (pg connectionTimeoutMillis); 0 waits forever. */
    @EnvInt()
    @IsInt()
    @Min(0)
    DATABASE_POOL_ACQUIRE_TIMEOUT_MS = 2000;

    /** Inbox rows (applied event ids) older than this are pruned; longer than any re-delivery (README). */
    @EnvInt()
    @IsInt()
    @Min(1)
    INBOX_RETENTION_DAYS = 14;
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
