import { createDataSourceOptions } from './data-source-options.factory';
import { InboxOutboxTables1700000000000 } from './inbox-outbox.migration';
import { InboxRecord } from './inbox-record.entity';
import { OutboxRecord } from './outbox-record.entity';

class LeadEntity {}

describe('createDataSourceOptions', () => {
  const options = createDataSourceOptions({
    url: 'postgres://postgres@127.0.0.1:5432/postgres',
    schema: 'scoring',
    entities: [LeadEntity, InboxRecord],
    migrations: [InboxOutboxTables1700000000000],
    poolSize: 7,
    applicationName: 'scoring',
  });

  it('never lets TypeORM change the schema implicitly', () => {
    expect(options.synchronize).toBe(false);
    expect(options.migrationsRun).toBe(false);
    expect(options.dropSchema).toBe(false);
  });

  it('keeps every table of the service, migrations included, in its own schema', () => {
    expect(options.schema).toBe('scoring');
    expect(options.migrationsTableName).toBe('migrations');
    expect(options.extra).toEqual({ options: '-c search_path=scoring,public' });
  });

  it('runs each migration in its own transaction', () => {
    expect(options.migrationsTransactionMode).toBe('each');
  });

  it('adds the inbox and outbox entities once, next to the service entities', () => {
    expect(options.entities).toEqual([LeadEntity, InboxRecord, OutboxRecord]);
  });

  it('passes pool size and application name to the driver', () => {
    expect(options.poolSize).toBe(7);
    expect(options.applicationName).toBe('scoring');
  });

  it('gives every pooled session the statement and lock timeouts, and bounds waiting for a connection', () => {
    const bounded = createDataSourceOptions({
      url: 'postgres://x',
      schema: 'ingest',
      timeouts: { statementMs: 5000, lockMs: 2000, poolAcquireMs: 1500 },
    });
    expect(bounded.extra).toEqual({
      options: '-c search_path=ingest,public',
      statement_timeout: 5000,
      lock_timeout: 2000,
      connectionTimeoutMillis: 1500,
    });
  });

  it('leaves a timeout of 0 or left out to the driver, which then waits without limit', () => {
    const unbounded = createDataSourceOptions({ url: 'postgres://x', schema: 'ingest', timeouts: { lockMs: 0 } });
    expect(unbounded.extra).toEqual({ options: '-c search_path=ingest,public' });
  });

  it('refuses a schema name that is not a plain identifier', () => {
    expect(() => createDataSourceOptions({ url: 'postgres://x', schema: 'Scoring; --' })).toThrow(
      /Invalid schema name/,
    );
  });
});
