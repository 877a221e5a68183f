import { Client } from 'pg';
import { migrationLockKeys } from '@handoff/platform-database';
import { TEST_DATABASE_URL } from './infrastructure-addresses';
import { waitFor } from './wait-for';

/** A schema's migration lock held on a connection of the test's own, so a migration of that schema waits. */
export class HeldMigrationLock {
  private constructor(
    private readonly client: Client,
    private readonly schema: string,
  ) {}

  static async take(schema: string, databaseUrl = TEST_DATABASE_URL): Promise<HeldMigrationLock> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query('SELECT pg_advisory_lock($1, $2)', migrationLockKeys(schema));
    return new HeldMigrationLock(client, schema);
  }

  /** Resolves once a session named `applicationName` is blocked on this lock: the migration is under way. */
  async waitForWaiter(applicationName: string, timeoutMs = 30_000): Promise<void> {
    const [classId, objId] = migrationLockKeys(this.schema);
    await waitFor(
      `${applicationName} to wait for the migration lock of ${this.schema}`,
      async () => {
        const { rows } = await this.client.query(
          `SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND NOT l.granted AND l.classid::int = $1 AND l.objid::int = $2
              AND a.application_name = $3`,
          [classId, objId, applicationName],
        );
        return rows.length > 0;
      },
      { timeoutMs, intervalMs: 100 },
    );
  }

  async release(): Promise<void> {
    await this.client.end();
  }
}
