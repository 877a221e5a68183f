import { randomBytes } from 'node:crypto';
import { TEST_DATABASE_URL, waitFor } from '@handoff/testing';
import { DataSource } from 'typeorm';
import { createDataSourceOptions, type DataSourceSettings } from '../lib/data-source-options.factory';
import { PLATFORM_MIGRATIONS } from '../lib/inbox-outbox.migration';

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
