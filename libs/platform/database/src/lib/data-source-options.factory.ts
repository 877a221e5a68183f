import type { EntitySchema, MigrationInterface } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { InboxRecord } from './inbox-record.entity';
import { OutboxRecord } from './outbox-record.entity';
import { RedactingQueryLogger } from './redacting-query.logger';
import { assertSchemaName } from './sql-identifier.util';

export type EntityClass = abstract new (...args: never[]) => object;
export type MigrationClass = new () => MigrationInterface;

export interface DataSourceSettings {
  /** postgres://user:password@host:port/database */
  url: string;
  /** The service's own schema; every table of the service lives there, including inbox, outbox and migrations. */
  schema: string;
  entities?: ReadonlyArray<EntityClass | EntitySchema>;
  /** Include InboxOutboxTables1700000000000 when the service uses Inbox or Outbox. */
  migrations?: ReadonlyArray<MigrationClass>;
  poolSize?: number;
  /** Shown in pg_stat_activity, e.g. the service name. */
  applicationName?: string;
  /** Bounds on waiting; left out or 0, PostgreSQL and pg wait without limit. */
  timeouts?: DatabaseTimeouts;
}

/** How long the database may keep a caller waiting, so a held lock or a full pool fails fast instead of hanging. */
export interface DatabaseTimeouts {
  /** PostgreSQL statement_timeout: a statement running longer is cancelled (SQLSTATE 57014). */
  statementMs?: number;
  /** PostgreSQL lock_timeout: a statement waiting longer for a lock fails (SQLSTATE 55P03). */
  lockMs?: number;
  /** pg connectionTimeoutMillis: waiting longer for a pooled (or new) connection fails. */
  poolAcquireMs?: number;
}

export const MIGRATIONS_TABLE = 'migrations';
const DEFAULT_POOL_SIZE = 10;

export function createDataSourceOptions(settings: DataSourceSettings): PostgresConnectionOptions {
  const schema = assertSchemaName(settings.schema);
  return {
    type: 'postgres',
    url: settings.url,
    schema,
    applicationName: settings.applicationName,
    poolSize: settings.poolSize ?? DEFAULT_POOL_SIZE,
    entities: [...new Set([...(settings.entities ?? []), InboxRecord, OutboxRecord])],
    migrations: [...(settings.migrations ?? [])],
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    // Migrations run explicitly (runMigrations) after the schema exists and under a lock; never implicitly.
    migrationsRun: false,
    synchronize: false,
    dropSchema: false,
    // No extension DDL at connect time: nothing here generates uuids in the database.
    installExtensions: false,
    logger: new RedactingQueryLogger(),
    // Unqualified names in hand-written SQL resolve to the service's schema, never to another service's tables.
    extra: {
      options: `-c search_path=${schema},public`,
      ...driverTimeouts(settings.timeouts ?? {}),
    },
  };
}

/** pg passes statement_timeout and lock_timeout as startup parameters, so every pooled session has them. */
function driverTimeouts({ statementMs, lockMs, poolAcquireMs }: DatabaseTimeouts): Record<string, number> {
  const timeouts: Record<string, number> = {};
  if (statementMs) timeouts['statement_timeout'] = statementMs;
  if (lockMs) timeouts['lock_timeout'] = lockMs;
  if (poolAcquireMs) timeouts['connectionTimeoutMillis'] = poolAcquireMs;
  return timeouts;
}
