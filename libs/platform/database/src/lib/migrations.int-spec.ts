import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { TEST_DATABASE_URL } from '@handoff/testing';
import { dropSchema, freshSchemaName, openTestDataSource } from '../testing/test-database';
import { DatabaseHealthIndicator } from './database.health';
import { DatabaseModule } from './database.module';
import { InboxOutboxTables1700000000000 } from './inbox-outbox.migration';
import { runMigrations } from './migration.runner';

const PLATFORM_MIGRATION_NAMES = ['InboxOutboxTables1700000000000', 'InboxRetentionIndex1700000000001'];

async function tablesIn(dataSource: DataSource, schema: string): Promise<string[]> {
  const rows: Array<{ table_name: string }> = await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
    [schema],
  );
  return rows.map((row) => row.table_name);
}

describe('runMigrations (real PostgreSQL)', () => {
  const schema = freshSchemaName();
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openTestDataSource(schema);
  });

  afterAll(async () => {
    await dropSchema(dataSource, schema);
    await dataSource.destroy();
  });

  it('creates the missing schema, then the inbox, outbox and migrations tables inside it', async () => {
    expect(await tablesIn(dataSource, schema)).toEqual([]);
    expect(await runMigrations(dataSource)).toEqual(PLATFORM_MIGRATION_NAMES);
    expect(await tablesIn(dataSource, schema)).toEqual(['inbox', 'migrations', 'outbox']);
  });

  it('is a no-op when run again', async () => {
    expect(await runMigrations(dataSource)).toEqual([]);
    const applied: unknown[] = await dataSource.query(`SELECT name FROM "${schema}"."migrations"`);
    expect(applied).toHaveLength(PLATFORM_MIGRATION_NAMES.length);
  });

  it('lets replicas booting together migrate once between them', async () => {
    const other = freshSchemaName();
    const replicas = await Promise.all([
      openTestDataSource(other),
      openTestDataSource(other),
      openTestDataSource(other),
    ]);
    try {
      const applied = await Promise.all(replicas.map((replica) => runMigrations(replica)));
      expect(applied.flat()).toEqual(PLATFORM_MIGRATION_NAMES);
    } finally {
      await dropSchema(dataSource, other);
      await Promise.all(replicas.map((replica) => replica.destroy()));
    }
  });

  it('leaves the tables exactly as the entities describe them (no schema drift)', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('down() removes both tables', async () => {
    const queryRunner = dataSource.createQueryRunner();
    try {
      await new InboxOutboxTables1700000000000().down(queryRunner);
      expect(await tablesIn(dataSource, schema)).toEqual(['migrations']);
      await new InboxOutboxTables1700000000000().up(queryRunner);
      expect(await tablesIn(dataSource, schema)).toEqual(['inbox', 'migrations', 'outbox']);
    } finally {
      await queryRunner.release();
    }
  });
});

describe('DatabaseModule (real PostgreSQL)', () => {
  it('hands out a migrated DataSource on the service schema and reports the database healthy', async () => {
    const schema = freshSchemaName();
    const moduleRef = await Test.createTestingModule({
      imports: [
        DatabaseModule.forRootAsync({
          useFactory: () => ({
            url: TEST_DATABASE_URL,
            schema,
            migrations: [InboxOutboxTables1700000000000],
            applicationName: 'platform-database-module-test',
          }),
        }),
      ],
    }).compile();
    const app = await moduleRef.init();
    const dataSource = app.get(DataSource);
    try {
      expect(await tablesIn(dataSource, schema)).toEqual(['inbox', 'migrations', 'outbox']);
      expect(await app.get(DatabaseHealthIndicator).check()).toEqual({
        database: { status: 'up' },
      });
    } finally {
      await dropSchema(dataSource, schema);
      await app.close();
    }
  });

  it('leaves the schema untouched when migrateAtBoot is false', async () => {
    const schema = freshSchemaName();
    const moduleRef = await Test.createTestingModule({
      imports: [
        DatabaseModule.forRootAsync({
          useFactory: () => ({
            url: TEST_DATABASE_URL,
            schema,
            migrateAtBoot: false,
          }),
        }),
      ],
    }).compile();
    const app = await moduleRef.init();
    try {
      const found: unknown[] = await app
        .get(DataSource)
        .query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema]);
      expect(found).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
