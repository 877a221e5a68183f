import { Client } from 'pg';

export interface StoredOutcome {
  /** Assignment rows of the given qualifications. */
  assignments: number;
  /** Distinct qualifications among them. */
  assigned: number;
  /** Of the given qualifications, those still waiting in a pool's queue. */
  queued: number;
}

/** Read-only views of the bench schema the routing app writes, over one connection. */
export class RoutingDatabase {
  private constructor(
    private readonly client: Client,
    private readonly schema: string,
  ) {}

  static async connect(databaseUrl: string, schema: string): Promise<RoutingDatabase> {
    const client = new Client({ connectionString: databaseUrl, application_name: 'bench-routing-probe' });
    await client.connect();
    return new RoutingDatabase(client, schema);
  }

  /** Every assignment made so far (decided and committed, published or not); 0 before the migrations ran. */
  async assignmentCount(): Promise<number> {
    try {
      const { rows } = await this.client.query<{ count: string }>(`SELECT count(*) FROM "${this.schema}".assignments`);
      return Number(rows[0].count);
    } catch {
      return 0;
    }
  }

  async outcomeOf(qualificationIds: readonly string[]): Promise<StoredOutcome> {
    const { rows } = await this.client.query<{ assignments: string; assigned: string; queued: string }>(
      `SELECT
         (SELECT count(*) FROM "${this.schema}".assignments WHERE qualification_id = ANY($1::uuid[])) AS assignments,
         (SELECT count(DISTINCT qualification_id) FROM "${this.schema}".assignments
           WHERE qualification_id = ANY($1::uuid[])) AS assigned,
         (SELECT count(*) FROM "${this.schema}".qualifications
           WHERE qualification_id = ANY($1::uuid[]) AND status = 'queued') AS queued`,
      [qualificationIds],
    );
    return {
      assignments: Number(rows[0].assignments),
      assigned: Number(rows[0].assigned),
      queued: Number(rows[0].queued),
    };
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
