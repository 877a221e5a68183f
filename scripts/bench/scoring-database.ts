import { Client } from 'pg';

export interface TableWrites {
  table: string;
  inserted: number;
  updated: number;
  deleted: number;
}

export interface OutboxCounts {
  total: number;
  unpublished: number;
  qualified: number;
}

/** Read-only views of the bench schema the scoring app writes, over one connection. */
export class ScoringDatabase {
  private constructor(
    private readonly client: Client,
    private readonly schema: string,
  ) {}

  static async connect(databaseUrl: string, schema: string): Promise<ScoringDatabase> {
    const client = new Client({ connectionString: databaseUrl, application_name: 'bench-scoring-probe' });
    await client.connect();
    return new ScoringDatabase(client, schema);
  }

  /** Events claimed in the inbox, i.e. applied and committed; 0 while the migrations have not run yet. */
  async applied(): Promise<number> {
    try {
      const { rows } = await this.client.query<{ count: string }>(`SELECT count(*) FROM "${this.schema}".inbox`);
      return Number(rows[0].count);
    } catch {
      return 0;
    }
  }

  async outbox(): Promise<OutboxCounts> {
    const { rows } = await this.client.query<{ total: string; unpublished: string; qualified: string }>(
      `SELECT count(*) AS total, count(*) FILTER (WHERE published_at IS NULL) AS unpublished,
         count(*) FILTER (WHERE topic = 'lead.qualified.v1') AS qualified
       FROM "${this.schema}".outbox`,
    );
    return {
      total: Number(rows[0].total),
      unpublished: Number(rows[0].unpublished),
      qualified: Number(rows[0].qualified),
    };
  }

  /**
   * Rows inserted, updated and deleted per table of the schema since it was created (pg_stat_user_tables).
   * A backend reports its counts when its transaction ends and it goes idle (at most once a second) or exits:
   * read this after the app has stopped for exact figures.
   */
  async tableWrites(): Promise<TableWrites[]> {
    const { rows } = await this.client.query<{ relname: string; ins: string; upd: string; del: string }>(
      `SELECT relname, n_tup_ins AS ins, n_tup_upd AS upd, n_tup_del AS del
       FROM pg_stat_user_tables WHERE schemaname = $1 ORDER BY relname`,
      [this.schema],
    );
    return rows.map((row) => ({
      table: row.relname,
      inserted: Number(row.ins),
      updated: Number(row.upd),
      deleted: Number(row.del),
    }));
  }

  /** Commits of the whole database (every client, this probe included): context only, not attributable. */
  async databaseCommits(): Promise<number> {
    const { rows } = await this.client.query<{ xact_commit: string }>(
      `SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()`,
    );
    return Number(rows[0].xact_commit);
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
