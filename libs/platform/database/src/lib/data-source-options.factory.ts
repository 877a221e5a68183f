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
    extra: { options: `-c search_path=${schema},public` },
  };
}
