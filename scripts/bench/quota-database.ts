import { Topics } from '@handoff/contracts';
import { type FiscalCalendar, fiscalPeriodOf } from '@handoff/domain-quota';
import { Client } from 'pg';

/** The name quota's consumers claim events under in its inbox (INBOX_CONSUMER in apps/quota). */
const INBOX_CONSUMER = 'quota';

/** Quarterly revenue targets, in turn: reps differ, as they do. */
const TARGETS_EUR = [150_000, 200_000, 250_000, 300_000, 400_000];
/** Won deals in USD count at this rate (quota's targets are in EUR); without one they would stay pending. */
const USD_TO_EUR = 0.92;

export interface SeedFigures {
  periodId: string;
  quotas: number;
  memberships: number;
}

/** The bench schema the quota app writes: seeding after its migrations, and read-only counts, over one connection. */
export class QuotaDatabase {
  private constructor(
    private readonly client: Client,
    private readonly schema: string,
  ) {}

  static async connect(databaseUrl: string, schema: string): Promise<QuotaDatabase> {
    const client = new Client({ connectionString: databaseUrl, application_name: 'bench-quota-probe' });
    await client.connect();
    return new QuotaDatabase(client, schema);
  }

  /**
   * Each rep's revenue quota for the fiscal quarter holding now, team memberships (rep i in team i mod teams) and
   * the USD→EUR rate. Written with SQL because quota's admin API is not on main yet.
   */
  async seed(calendar: FiscalCalendar, repIds: readonly string[], teamIds: readonly string[]): Promise<SeedFigures> {
    const period = fiscalPeriodOf(calendar, 'quarter', new Date().toISOString());
    const targets = repIds.map((_, index) =>
      JSON.stringify({ revenue: { amount: TARGETS_EUR[index % TARGETS_EUR.length], currency: 'EUR' } }),
    );
    const quotas = await this.client.query(
      `INSERT INTO "${this.schema}".quotas (id, owner_kind, owner_id, period_id, period_kind, period_start,
         period_end, targets, curve)
       SELECT q.rep || '-' || $3, 'rep', q.rep, $3, 'quarter', $4, $5, q.targets, '"linear"'
         FROM unnest($1::varchar[], $2::jsonb[]) AS q(rep, targets)`,
      [repIds, targets, period.id, period.start, period.end],
    );
    const memberships = await this.client.query(
      `INSERT INTO "${this.schema}".team_memberships (rep_id, team_id, valid_from)
       SELECT m.rep, m.team, $3 FROM unnest($1::varchar[], $2::varchar[]) AS m(rep, team)`,
      [repIds, repIds.map((_, index) => teamIds[index % teamIds.length]), period.start],
    );
    await this.client.query(
      `INSERT INTO "${this.schema}".exchange_rates (from_currency, to_currency, valid_from, rate)
       VALUES ('USD', 'EUR', '2020-01-01', $1)`,
      [USD_TO_EUR],
    );
    return { periodId: period.id, quotas: quotas.rowCount ?? 0, memberships: memberships.rowCount ?? 0 };
  }

  /** Events claimed in quota's inbox, i.e. applied and committed: this run's and any other publisher's. */
  async applied(): Promise<number> {
    const { rows } = await this.client.query<{ count: string }>(
      `SELECT count(*) FROM "${this.schema}".inbox WHERE consumer = $1`,
      [INBOX_CONSUMER],
    );
    return Number(rows[0].count);
  }

  /** Of the given event ids, those applied: the exact check behind the cheap count. */
  async appliedOf(eventIds: readonly string[]): Promise<number> {
    const { rows } = await this.client.query<{ count: string }>(
      `SELECT count(*) FROM "${this.schema}".inbox WHERE consumer = $1 AND event_id = ANY($2::uuid[])`,
      [INBOX_CONSUMER, eventIds],
    );
    return Number(rows[0].count);
  }

  /**
   * rep.capacity.v1 records of these reps the app has put in its outbox so far, and how many are not published yet
   * (the app also applies other publishers' records on the shared topics, for their reps).
   */
  async capacityOutbox(repIds: readonly string[]): Promise<{ total: number; unpublished: number }> {
    const { rows } = await this.client.query<{ total: string; unpublished: string }>(
      `SELECT count(*) AS total, count(*) FILTER (WHERE published_at IS NULL) AS unpublished
         FROM "${this.schema}".outbox WHERE topic = $1 AND message_key = ANY($2::text[])`,
      [Topics.repCapacity.name, repIds],
    );
    return { total: Number(rows[0].total), unpublished: Number(rows[0].unpublished) };
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
