import { Injectable } from '@nestjs/common';
import type { Contribution, DealFact, DealState } from '@handoff/domain-quota';
import type { EntityManager } from 'typeorm';
import { lockRows } from '../books/lock-rows';

interface DealFactRow {
  event_id: string;
  deal_id: string;
  kind: DealFact['kind'];
  occurred_at: Date;
  rep_id: string | null;
  lead_id: string | null;
  amount: string | null;
  currency: string | null;
}

/**
 * The deal_facts, deals and contributions tables. Every method runs in the caller's transaction; deals are locked
 * before they are folded, so two chunks with facts of one deal (a won on a lead's partition, a correction on the
 * rep's) fold one after the other and the second sees the first's fact.
 */
@Injectable()
export class DealLedger {
  /** Stores facts not stored before (a replay older than the inbox's retention is skipped here). */
  async addFacts(manager: EntityManager, facts: readonly DealFact[]): Promise<void> {
    if (facts.length === 0) return;
    await manager.query(
      `INSERT INTO deal_facts (event_id, deal_id, kind, occurred_at, rep_id, lead_id, amount, currency)
       SELECT "eventId", "dealId", kind, "occurredAt", "repId", "leadId", amount, currency
         FROM jsonb_to_recordset($1::jsonb) AS f("eventId" uuid, "dealId" text, kind text, "occurredAt" timestamptz,
           "repId" text, "leadId" uuid, amount numeric, currency text)
       ON CONFLICT (event_id) DO NOTHING`,
      [JSON.stringify(facts)],
    );
  }

  /** Locks the deals (creating rows for new ones) in id order and answers each one's rep before this chunk. */
  async lockDeals(manager: EntityManager, dealIds: readonly string[]): Promise<Map<string, string | undefined>> {
    const rows = await lockRows<{ deal_id: string; rep_id: string | null }>(manager, 'deals', dealIds, 'rep_id');
    return new Map(rows.map((row) => [row.deal_id, row.rep_id ?? undefined]));
  }

  async factsOf(manager: EntityManager, dealIds: readonly string[]): Promise<DealFact[]> {
    const rows: DealFactRow[] = await manager.query(
      `SELECT event_id, deal_id, kind, occurred_at, rep_id, lead_id, amount::text, currency
         FROM deal_facts WHERE deal_id = ANY($1::varchar[])`,
      [dealIds],
    );
    return rows.map(factOf);
  }

  async saveDeals(manager: EntityManager, deals: readonly DealState[]): Promise<void> {
    if (deals.length === 0) return;
    await manager.query(
      `UPDATE deals d SET status = s.status, rep_id = s."repId", lead_id = s."leadId", amount = s.amount,
              currency = s.currency, closed_at = s."closedAt", updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS s("dealId" text, status text, "repId" text, "leadId" uuid,
           amount numeric, currency text, "closedAt" timestamptz)
        WHERE d.deal_id = s."dealId"`,
      [JSON.stringify(deals)],
    );
  }

  /**
   * Makes the stored contributions of `ids` what `current` says: new or changed ones are written and stamped
   * `recordedAt`, ones no longer credited are withdrawn (kept, stamped). An unchanged one keeps its stamp, so
   * folding the same facts again restates nothing.
   */
  async reconcile(
    manager: EntityManager,
    ids: readonly string[],
    current: readonly Contribution[],
    recordedAt: string,
  ): Promise<void> {
    await this.add(manager, current, recordedAt, 'update');
    const kept = new Set(current.map((contribution) => contribution.id));
    const gone = ids.filter((id) => !kept.has(id));
    if (gone.length === 0) return;
    await manager.query(
      `UPDATE contributions SET withdrawn = true, recorded_at = $2 WHERE id = ANY($1::varchar[]) AND NOT withdrawn`,
      [gone, recordedAt],
    );
  }

  /** Writes contributions; with `keep`, one stored before stays as it is (each outcome counts once). */
  async add(
    manager: EntityManager,
    contributions: readonly Contribution[],
    recordedAt: string,
    onConflict: 'keep' | 'update' = 'keep',
  ): Promise<void> {
    if (contributions.length === 0) return;
    const conflict =
      onConflict === 'keep'
        ? 'DO NOTHING'
        : `DO UPDATE SET kind = EXCLUDED.kind, rep_id = EXCLUDED.rep_id, at = EXCLUDED.at, amount = EXCLUDED.amount,
             currency = EXCLUDED.currency, withdrawn = false, recorded_at = EXCLUDED.recorded_at
           WHERE (contributions.kind, contributions.rep_id, contributions.at, contributions.amount,
                  contributions.currency, contributions.withdrawn)
                 IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.rep_id, EXCLUDED.at, EXCLUDED.amount, EXCLUDED.currency, false)`;
    await manager.query(
      `INSERT INTO contributions (id, kind, rep_id, at, amount, currency, withdrawn, recorded_at)
       SELECT id, kind, "repId", at, amount, currency, false, $2
         FROM jsonb_to_recordset($1::jsonb) AS c(id text, kind text, "repId" text, at timestamptz, amount numeric,
           currency text)
       ORDER BY id
       ON CONFLICT (id) ${conflict}`,
      [JSON.stringify(contributions), recordedAt],
    );
  }
}

function factOf(row: DealFactRow): DealFact {
  return {
    eventId: row.event_id,
    dealId: row.deal_id,
    kind: row.kind,
    occurredAt: row.occurred_at.toISOString(),
    ...(row.rep_id === null ? {} : { repId: row.rep_id }),
    ...(row.lead_id === null ? {} : { leadId: row.lead_id }),
    ...(row.amount === null ? {} : { amount: Number(row.amount) }),
    ...(row.currency === null ? {} : { currency: row.currency }),
  };
}
