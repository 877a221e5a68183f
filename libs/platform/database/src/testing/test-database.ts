import { randomBytes } from 'node:crypto';
import { TEST_DATABASE_URL, waitFor } from '@handoff/testing';
import { DataSource } from 'typeorm';
import { createDataSourceOptions, type DataSourceSettings } from '../lib/data-source-options.factory';
import { PLATFORM_MIGRATIONS } from '../lib/inbox-outbox.migration';
import { runMigrations } from '../lib/migration.runner';

export function freshSchemaName(): string {
  return `test_${randomBytes(6).toString('hex')}`;
}

/** A data source on `schema` with the platform migrations, not yet migrated; `settings` override the test defaults. */
export function openTestDataSource(
  schema: string,
  applicationName = 'platform-database-test',
  settings: Partial<DataSourceSettings> = {},
): Promise<DataSource> {
  const options = createDataSourceOptions({
    url: TEST_DATABASE_URL,
    schema,
    migrations: PLATFORM_MIGRATIONS,
    poolSize: 4,
    applicationName,
    ...settings,
  });
  return new DataSource(options).initialize();
}

export async function dropSchema(dataSource: DataSource, schema: string): Promise<void> {
  await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}

export interface MigratedTestSchema {
  readonly schema: string;
  /** Open from the describe block's beforeAll to its afterAll. */
  readonly dataSource: DataSource;
}

/** A fresh schema with the platform migrations applied, for the tests of one describe block; dropped after them. */
export function useMigratedTestSchema(): MigratedTestSchema {
  const schema = freshSchemaName();
  let dataSource: DataSource | undefined;
  beforeAll(async () => {
    dataSource = await openTestDataSource(schema);
    await runMigrations(dataSource);
  });
  afterAll(async () => {
    if (!dataSource) return;
    await dropSchema(dataSource, schema);
    await dataSource.destroy();
  });
  return {
    schema,
    get dataSource() {
      if (!dataSource) throw new Error('the test schema is open only while its describe block runs');
      return dataSource;
    },
  };
}

/** Resolves once some session runs a statement containing `marker` and is waiting for a lock. */
export async function waitUntilBlockedOnLock(dataSource: DataSource, marker: string): Promise<void> {
  await waitFor(`a session running ${marker} to wait for a lock`, async () => {
    const waiting: unknown[] = await dataSource.query(
      `SELECT 1 FROM pg_stat_activity
       WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid() AND position($1 in query) > 0`,
      [marker],
    );
    return waiting.length > 0;
  });
}
