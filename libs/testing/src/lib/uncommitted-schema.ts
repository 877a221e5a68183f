import { Client } from 'pg';
import { TEST_DATABASE_URL } from './infrastructure-addresses';
import { waitFor } from './wait-for';

/**
 * A schema being created in a transaction of the test's own, left open: a migration of that schema reaches its
 * `CREATE SCHEMA IF NOT EXISTS` and waits there for this transaction, as it would behind a slow migration of
 * another replica, until `release` rolls it back. Boot work held at a known point, without hooks in the service.
 */
export class UncommittedSchema {
  private constructor(
    private readonly client: Client,
    private readonly observer: Client,
  ) {}

  static async create(schema: string, databaseUrl = TEST_DATABASE_URL): Promise<UncommittedSchema> {
    const client = new Client({ connectionString: databaseUrl });
    // Its own session: inside the open transaction pg_stat_activity would show one snapshot for ever.
    const observer = new Client({ connectionString: databaseUrl });
    await Promise.all([client.connect(), observer.connect()]);
    await client.query('BEGIN');
    await client.query(`CREATE SCHEMA "${schema}"`);
    return new UncommittedSchema(client, observer);
  }

  /** Resolves once a session named `applicationName` waits for a lock: the migration is blocked on this schema. */
  async waitForWaiter(applicationName: string, timeoutMs = 30_000): Promise<void> {
    await waitFor(
      `${applicationName} to wait for the uncommitted schema`,
      async () => {
        const { rows } = await this.observer.query(
          `SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`,
          [applicationName],
        );
        return rows.length > 0;
      },
      { timeoutMs, intervalMs: 100 },
    );
  }

  /** Rolls the schema back: it never existed. */
  async release(): Promise<void> {
    try {
      await this.client.query('ROLLBACK');
    } finally {
      await Promise.all([this.client.end(), this.observer.end()]);
    }
  }
}
