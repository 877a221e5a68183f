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

  async quota(quota: Quota, periodKind = 'quarter'): Promise<void> {
    await this.insert('quotas', {
      id: quota.id,
      owner_kind: quota.owner.kind,
      owner_id: quota.owner.id,
      period_id: quota.period.id,
      period_kind: periodKind,
      period_start: quota.period.start,
      period_end: quota.period.end,
      targets: JSON.stringify(quota.targets),
      curve: JSON.stringify(quota.curve),
    });
  }

  async memberships(...memberships: TeamMembership[]): Promise<void> {
    for (const m of memberships) {
      await this.insert('team_memberships', {
        rep_id: m.repId,
        team_id: m.teamId,
        valid_from: m.from,
        valid_to: m.to ?? null,
      });
    }
  }

  async rate(from: string, to: string, rate: number, validFrom: string): Promise<void> {
    await this.insert('exchange_rates', { from_currency: from, to_currency: to, rate, valid_from: validFrom });
  }

  async limit(repId: string, maxOpenLeads: number): Promise<void> {
    await this.insert('rep_limits', { rep_id: repId, max_open_leads: maxOpenLeads });
  }

  async contributions(...contributions: StoredContribution[]): Promise<void> {
    for (const c of contributions) {
      await this.insert('contributions', {
        id: c.id,
        kind: c.kind,
        rep_id: c.repId,
        at: c.at,
        amount: c.amount ?? null,
        currency: c.currency ?? null,
        withdrawn: c.withdrawn,
        recorded_at: c.recordedAt,
      });
    }
  }

  /** A lead routed to the rep at that time, still held (open) unless closed. */
  async routedLead(repId: string, routedAt: string, closed = false): Promise<void> {
    const leadId = randomUUID();
    await this.insert('routed_leads', {
      assignment_id: randomUUID(),
      lead_id: leadId,
      rep_id: repId,
      routed_at: routedAt,
    });
    await this.insert('lead_holdings', {
      lead_id: leadId,
      rep_id: repId,
      attempt: 1,
      routed_at: routedAt,
      closed_outcome: closed ? 'won' : null,
      closed_at: closed ? routedAt : null,
    });
  }

  private async insert(table: string, row: Record<string, unknown>): Promise<void> {
    const columns = Object.keys(row);
    await this.dataSource.query(
      `INSERT INTO "${this.schema}"."${table}" (${columns.map((c) => `"${c}"`).join(', ')})
       VALUES (${columns.map((_, index) => `$${index + 1}`).join(', ')})`,
      Object.values(row),
    );
  }
}
