import { randomUUID } from 'node:crypto';
import type { Quota, TeamMembership } from '@handoff/domain-quota';
import type { DataSource } from 'typeorm';
import type { StoredContribution } from '../books/quota-books.store';

/** Writes rows straight into a test schema's quota tables, as the admin API and the consumers would leave them. */
export class QuotaRows {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  async quota({ id, owner, period, targets, curve }: Quota, periodKind = 'quarter'): Promise<void> {
    await this.insert(
      'quotas',
      'id, owner_kind, owner_id, period_id, period_kind, period_start, period_end, targets, curve',
      [
        id,
        owner.kind,
        owner.id,
        period.id,
        periodKind,
        period.start,
        period.end,
        JSON.stringify(targets),
        JSON.stringify(curve),
      ],
    );
  }

  async memberships(...memberships: TeamMembership[]): Promise<void> {
    for (const { repId, teamId, from, to } of memberships) {
      await this.insert('team_memberships', 'rep_id, team_id, valid_from, valid_to', [repId, teamId, from, to]);
    }
  }

  async rate(from: string, to: string, rate: number, validFrom: string): Promise<void> {
    await this.insert('exchange_rates', 'from_currency, to_currency, rate, valid_from', [from, to, rate, validFrom]);
  }

  async limit(repId: string, maxOpenLeads: number): Promise<void> {
    await this.insert('rep_limits', 'rep_id, max_open_leads', [repId, maxOpenLeads]);
  }

  async contributions(...contributions: StoredContribution[]): Promise<void> {
    for (const c of contributions) {
      await this.insert('contributions', 'id, kind, rep_id, at, amount, currency, withdrawn, recorded_at', [
        c.id,
        c.kind,
        c.repId,
        c.at,
        c.amount,
        c.currency,
        c.withdrawn,
        c.recordedAt,
      ]);
    }
  }

  /** A lead routed to the rep at that time, still held (open) unless closed. */
  async routedLead(repId: string, routedAt: string, closed = false): Promise<void> {
    const leadId = randomUUID();
    await this.insert('routed_leads', 'assignment_id, lead_id, rep_id, routed_at', [
      randomUUID(),
      leadId,
      repId,
      routedAt,
    ]);
    await this.insert('lead_holdings', 'lead_id, rep_id, routed_at, closed_outcome, closed_at', [
      leadId,
      repId,
      routedAt,
      closed ? 'won' : undefined,
      closed ? routedAt : undefined,
    ]);
  }

  /** Inserts one row; undefined values are NULL. */
  private async insert(table: string, columns: string, values: unknown[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "${this.schema}"."${table}" (${columns}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')})`,
      values.map((value) => value ?? null),
    );
  }
}
