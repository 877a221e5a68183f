import { Injectable } from '@nestjs/common';
import type {
  Contribution,
  ContributionKind,
  ExchangeRate,
  PaceCurve,
  Period,
  Quota,
  QuotaOwnerKind,
  QuotaTargets,
  TeamMembership,
} from '@handoff/domain-quota';
import { DataSource, type EntityManager } from 'typeorm';

/** A stored quota with what the domain's Quota does not carry: the kind of its period and when it last changed. */
export interface StoredQuota extends Quota {
  periodKind: string;
  updatedAt: string;
}

/** A contribution as stored: withdrawn ones are kept (a withdrawal after the close restates a period). */
export interface StoredContribution extends Contribution {
  withdrawn: boolean;
  recordedAt: string;
}

export interface QuotaFilter {
  periodId?: string;
  ownerKind?: QuotaOwnerKind;
  ownerIds?: readonly string[];
}

/** A period some quota is set for, as stored with it. */
export interface StoredPeriod extends Period {
  kind: string;
}

export interface Workload {
  openLeads: number;
  receivedLast24h: number;
  receivedLast30d: number;
}

interface QuotaRow {
  id: string;
  owner_kind: QuotaOwnerKind;
  owner_id: string;
  period_id: string;
  period_kind: string;
  period_start: Date;
  period_end: Date;
  targets: QuotaTargets;
  curve: PaceCurve;
  updated_at: Date;
}

interface ContributionRow {
  id: string;
  kind: ContributionKind;
  rep_id: string;
  at: Date;
  amount: string | null;
  currency: string | null;
  withdrawn: boolean;
  recorded_at: Date;
}

const iso = (value: Date) => value.toISOString();

/**
 * Reads quota's books: quotas, team history, rates, lead limits, contributions and workload. Every method given a
 * manager runs in the caller's transaction; the writes live with the module that owns each table.
 */
@Injectable()
export class QuotaBooks {
  constructor(private readonly dataSource: DataSource) {}

  async quotas(filter: QuotaFilter = {}, manager: EntityManager = this.dataSource.manager): Promise<StoredQuota[]> {
    const rows: QuotaRow[] = await manager.query(
      `SELECT * FROM quotas
        WHERE ($1::varchar IS NULL OR period_id = $1)
          AND ($2::varchar IS NULL OR owner_kind = $2)
          AND ($3::varchar[] IS NULL OR owner_id = ANY($3))
        ORDER BY id COLLATE "C"`,
      [filter.periodId ?? null, filter.ownerKind ?? null, filter.ownerIds ?? null],
    );
    return rows.map(quotaOf);
  }

  async quota(id: string, manager: EntityManager = this.dataSource.manager): Promise<StoredQuota | undefined> {
    const rows: QuotaRow[] = await manager.query(`SELECT * FROM quotas WHERE id = $1`, [id]);
    return rows.map(quotaOf)[0];
  }

  /** The period of that id as some quota stores it; undefined when no quota uses the id. */
  async period(periodId: string, manager: EntityManager = this.dataSource.manager): Promise<StoredPeriod | undefined> {
    const rows: Pick<QuotaRow, 'period_id' | 'period_kind' | 'period_start' | 'period_end'>[] = await manager.query(
      `SELECT period_id, period_kind, period_start, period_end FROM quotas WHERE period_id = $1 LIMIT 1`,
      [periodId],
    );
    return rows.map((row) => ({
      id: row.period_id,
      kind: row.period_kind,
      start: iso(row.period_start),
      end: iso(row.period_end),
    }))[0];
  }

  /** The reps' quotas whose period holds `at`, with the given period kind. */
  async quotasHolding(
    manager: EntityManager,
    repIds: readonly string[],
    periodKind: string,
    at: string,
  ): Promise<StoredQuota[]> {
    const rows: QuotaRow[] = await manager.query(
      `SELECT * FROM quotas
        WHERE owner_kind = 'rep' AND owner_id = ANY($1) AND period_kind = $2 AND period_start <= $3 AND $3 < period_end
        ORDER BY id COLLATE "C"`,
      [repIds, periodKind, at],
    );
    return rows.map(quotaOf);
  }

  /** Memberships of these reps (all when absent), oldest first per rep. */
  async memberships(
    repIds?: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TeamMembership[]> {
    const rows: { rep_id: string; team_id: string; valid_from: Date; valid_to: Date | null }[] = await manager.query(
      `SELECT rep_id, team_id, valid_from, valid_to FROM team_memberships
        WHERE $1::varchar[] IS NULL OR rep_id = ANY($1)
        ORDER BY rep_id COLLATE "C", valid_from`,
      [repIds ?? null],
    );
    return rows.map((row) => ({
      repId: row.rep_id,
      teamId: row.team_id,
      from: iso(row.valid_from),
      ...(row.valid_to ? { to: iso(row.valid_to) } : {}),
    }));
  }

  /** Memberships of every rep who belonged to the team at some time in [start, end). */
  async membershipsOfTeamMembers(
    teamId: string,
    start: string,
    end: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TeamMembership[]> {
    const reps: { rep_id: string }[] = await manager.query(
      `SELECT DISTINCT rep_id FROM team_memberships
        WHERE team_id = $1 AND valid_from < $3 AND (valid_to IS NULL OR valid_to > $2)`,
      [teamId, start, end],
    );
    return reps.length === 0
      ? []
      : this.memberships(
          reps.map((row) => row.rep_id),
          manager,
        );
  }

  /** The reps in the team at that instant, sorted. */
  async teamMembersAt(teamId: string, at: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { rep_id: string }[] = await manager.query(
      `SELECT rep_id FROM team_memberships
        WHERE team_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)
        GROUP BY rep_id ORDER BY rep_id COLLATE "C"`,
      [teamId, at],
    );
    return rows.map((row) => row.rep_id);
  }

  async rates(manager: EntityManager = this.dataSource.manager): Promise<ExchangeRate[]> {
    const rows: {
      from_currency: string;
      to_currency: string;
      rate: string;
      valid_from: string;
      valid_to: string | null;
    }[] = await manager.query(
      `SELECT from_currency, to_currency, rate::text, valid_from::text, valid_to::text FROM exchange_rates
          ORDER BY from_currency, to_currency, valid_from`,
    );
    return rows.map((row) => ({
      from: row.from_currency,
      to: row.to_currency,
      rate: Number(row.rate),
      validFrom: row.valid_from,
      ...(row.valid_to ? { validTo: row.valid_to } : {}),
    }));
  }

  /** Each rep's own open-lead limit; reps without one are absent (the service default applies). */
  async limits(
    repIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, number>> {
    const rows: { rep_id: string; max_open_leads: number }[] = await manager.query(
      `SELECT rep_id, max_open_leads FROM rep_limits WHERE rep_id = ANY($1)`,
      [repIds],
    );
    return new Map(rows.map((row) => [row.rep_id, row.max_open_leads]));
  }

  /** The reps' contributions (withdrawn ones included) that happened in [start, end), of these kinds (all by default). */
  async contributions(
    repIds: readonly string[],
    start: string,
    end: string,
    manager: EntityManager = this.dataSource.manager,
    kinds?: readonly ContributionKind[],
  ): Promise<StoredContribution[]> {
    const rows: ContributionRow[] = await manager.query(
      `SELECT id, kind, rep_id, at, amount::text, currency, withdrawn, recorded_at FROM contributions
        WHERE rep_id = ANY($1) AND at >= $2 AND at < $3 AND ($4::varchar[] IS NULL OR kind = ANY($4))
        ORDER BY at, id COLLATE "C"`,
      [repIds, start, end, kinds ?? null],
    );
    return rows.map(contributionOf);
  }

  /** Every rep quota knows of: with a quota, a limit, a lead routed to them or a capacity published. */
  async knownReps(manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { rep_id: string }[] = await manager.query(
      `SELECT owner_id AS rep_id FROM quotas WHERE owner_kind = 'rep'
       UNION SELECT rep_id FROM rep_limits UNION SELECT rep_id FROM lead_holdings UNION SELECT rep_id FROM rep_capacities
       ORDER BY 1`,
    );
    return rows.map((row) => row.rep_id);
  }

  /** Open leads (routed, still held, not closed) and leads received in the last 24 hours and 30 days, per rep. */
  async workloads(
    repIds: readonly string[],
    now: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, Workload>> {
    const rows: { rep_id: string; open: number; day: number; month: number }[] = await manager.query(
      `SELECT r.rep_id,
              (SELECT count(*)::int FROM lead_holdings h WHERE h.rep_id = r.rep_id AND h.closed_at IS NULL) AS open,
              (SELECT count(*)::int FROM routed_leads l
                WHERE l.rep_id = r.rep_id AND l.routed_at > $2::timestamptz - interval '24 hours') AS day,
              (SELECT count(*)::int FROM routed_leads l
                WHERE l.rep_id = r.rep_id AND l.routed_at > $2::timestamptz - interval '30 days') AS month
         FROM unnest($1::varchar[]) AS r(rep_id)`,
      [repIds, now],
    );
    return new Map(
      rows.map((row) => [row.rep_id, { openLeads: row.open, receivedLast24h: row.day, receivedLast30d: row.month }]),
    );
  }
}

function quotaOf(row: QuotaRow): StoredQuota {
  return {
    id: row.id,
    owner: { kind: row.owner_kind, id: row.owner_id },
    period: { id: row.period_id, start: iso(row.period_start), end: iso(row.period_end) },
    periodKind: row.period_kind,
    targets: row.targets,
    curve: row.curve,
    updatedAt: iso(row.updated_at),
  };
}

function contributionOf(row: ContributionRow): StoredContribution {
  return {
    id: row.id,
    kind: row.kind,
    repId: row.rep_id,
    at: iso(row.at),
    ...(row.amount === null ? {} : { amount: Number(row.amount) }),
    ...(row.currency === null ? {} : { currency: row.currency }),
    withdrawn: row.withdrawn,
    recordedAt: iso(row.recorded_at),
  };
}
