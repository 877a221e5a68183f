import type { DataSource, QueryRunner } from 'typeorm';
import { dropSchema, freshSchemaName, openTestDataSource, waitUntilBlockedOnLock } from '../testing/test-database';
import { advisoryLockKeys, LockPurpose } from './advisory-lock.util';
import { runMigrations } from './migration.runner';

const BOUND_MS = 300;

/** The PostgreSQL error code (SQLSTATE) or the driver's message of a failed query. */
async function failureOf(query: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await query;
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected the query to fail');
}

describe('database timeouts (real PostgreSQL)', () => {
  const schema = freshSchemaName();
  let holder: DataSource;
  let bounded: DataSource;

  beforeAll(async () => {
    holder = await openTestDataSource(schema, 'timeouts-holder');
    await runMigrations(holder);
    await holder.query(`CREATE TABLE "${schema}".counters (id int PRIMARY KEY, value int NOT NULL)`);
    await holder.query(`INSERT INTO "${schema}".counters VALUES (1, 0)`);
    bounded = await openTestDataSource(schema, 'timeouts-bounded', {
      poolSize: 1,
      timeouts: { statementMs: BOUND_MS * 2, lockMs: BOUND_MS, poolAcquireMs: BOUND_MS },
    });
  });

  afterAll(async () => {
    await bounded.destroy();
    await dropSchema(holder, schema);
    await holder.destroy();
  });

  /** Runs `body` while another connection holds a lock on counter 1; the lock is released afterwards. */
  async function whileRowLocked(body: () => Promise<void>): Promise<void> {
    const runner: QueryRunner = holder.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`SELECT * FROM "${schema}".counters WHERE id = 1 FOR UPDATE`);
      await body();
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  it('fails a statement blocked by a row lock held elsewhere with lock_not_available instead of waiting', async () => {
    await whileRowLocked(async () => {
      const failure = await failureOf(bounded.query(`UPDATE "${schema}".counters SET value = value + 1 WHERE id = 1`));
      expect(failure.code).toBe('55P03');
    });
  });

  it('cancels a statement running past the statement timeout', async () => {
    const failure = await failureOf(bounded.query('SELECT pg_sleep(30)'));
    expect(failure.code).toBe('57014');
  });

  it('fails a query that cannot get a pooled connection within the acquire timeout', async () => {
    const occupant = bounded.createQueryRunner();
    await occupant.connect();
    try {
      const failure = await failureOf(bounded.query('SELECT 1'));
      expect(failure.message).toMatch(/timeout exceeded when trying to connect/);
    } finally {
      await occupant.release();
    }
    expect(await bounded.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });

  it('lets a replica wait for another replica migrating, whatever the lock timeout of requests', async () => {
    const other = freshSchemaName();
    const lockKeys = advisoryLockKeys(LockPurpose.Migrations, other);
    const otherReplica = holder.createQueryRunner();
    await otherReplica.connect();
    await otherReplica.query('SELECT pg_advisory_lock($1, $2)', lockKeys);
    const migrating = await openTestDataSource(other, 'timeouts-migrating', { timeouts: { lockMs: 1 } });
    try {
      const migration = runMigrations(migrating);
      const failedEarly = migration.then(
        () => false,
        () => true,
      );
      await Promise.race([waitUntilBlockedOnLock(holder, 'pg_advisory_lock'), failedEarly]);
      await otherReplica.query('SELECT pg_advisory_unlock($1, $2)', lockKeys);
      expect(await migration).toHaveLength(2);
    } finally {
      await otherReplica.release();
      await dropSchema(migrating, other);
      await migrating.destroy();
    }
  });
});
