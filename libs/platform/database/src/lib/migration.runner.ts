import { type DataSource, MigrationExecutor } from 'typeorm';
import { LockPurpose, advisoryLockKeys } from './advisory-lock.util';
import { quoteIdentifier, serviceSchemaOf } from './sql-identifier.util';

/**
 * Creates the service schema if needed, then applies pending migrations, each in its own transaction.
 * A session advisory lock per schema makes replicas booting together take turns: the second one finds
 * nothing pending. Returns the names of the migrations applied.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const schema = serviceSchemaOf(dataSource);
  const lockKeys = advisoryLockKeys(LockPurpose.Migrations, schema);
  // One connection for lock, DDL and migrations, so a pool of size 1 cannot deadlock on itself.
  const queryRunner = dataSource.createQueryRunner('master');
  try {
    await queryRunner.connect();
    // DDL on a large table and waiting for another replica's migrations may rightly outlast the request bounds.
    await queryRunner.query('SET statement_timeout = 0; SET lock_timeout = 0');
    await queryRunner.query('SELECT pg_advisory_lock($1, $2)', lockKeys);
    try {
      await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
      const executor = new MigrationExecutor(dataSource, queryRunner);
      executor.transaction = 'each';
      const applied = await executor.executePendingMigrations();
      return applied.map((migration) => migration.name);
    } finally {
      await queryRunner.query('SELECT pg_advisory_unlock($1, $2)', lockKeys);
    }
  } finally {
    await queryRunner.query('RESET statement_timeout; RESET lock_timeout').catch(() => undefined);
    await queryRunner.release();
  }
}
