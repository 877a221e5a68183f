import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface Holding {
  leadId: string;
  repId: string;
  routedAt: string;
  closed: boolean;
}

export interface RoutedLead {
  assignmentId: string;
  leadId: string;
  repId: string;
  routedAt: string;
}

export interface LeadClose {
  leadId: string;
  /** The rep who answered; absent when the sales system did not say (then the holder is assumed). */
  repId?: string;
  outcome: string;
  at: string;
}

/** The lead_holdings and routed_leads tables: who holds each lead now, and every lead each rep received. */
@Injectable()
export class WorkloadStore {
  /** Locks the leads' holdings in lead order (leads never routed have none). */
  async lockHoldings(manager: EntityManager, leadIds: readonly string[]): Promise<Map<string, Holding>> {
    const rows: { lead_id: string; rep_id: string; routed_at: Date; closed_at: Date | null }[] = await manager.query(
      `SELECT lead_id, rep_id, routed_at, closed_at FROM lead_holdings
        WHERE lead_id = ANY($1::uuid[]) ORDER BY lead_id FOR UPDATE`,
      [[...new Set(leadIds)]],
    );
    return new Map(
      rows.map((row) => [
        row.lead_id,
        {
          leadId: row.lead_id,
          repId: row.rep_id,
          routedAt: row.routed_at.toISOString(),
          closed: row.closed_at !== null,
        },
      ]),
    );
  }

  /** Each lead is held by the rep of its newest routing; an older routing redelivered late changes nothing. */
  async route(manager: EntityManager, routed: readonly RoutedLead[]): Promise<void> {
    if (routed.length === 0) return;
    const json = JSON.stringify(routed);
    await manager.query(
      `INSERT INTO routed_leads (assignment_id, lead_id, rep_id, routed_at)
       SELECT "assignmentId", "leadId", "repId", "routedAt"
         FROM jsonb_to_recordset($1::jsonb) AS r("assignmentId" uuid, "leadId" uuid, "repId" text, "routedAt" timestamptz)
       ON CONFLICT (assignment_id) DO NOTHING`,
      [json],
    );
    await manager.query(
      `INSERT INTO lead_holdings (lead_id, rep_id, routed_at)
       SELECT DISTINCT ON ("leadId") "leadId", "repId", "routedAt"
         FROM jsonb_to_recordset($1::jsonb) AS r("leadId" uuid, "repId" text, "routedAt" timestamptz)
        ORDER BY "leadId", "routedAt" DESC
       ON CONFLICT (lead_id) DO UPDATE SET rep_id = EXCLUDED.rep_id, routed_at = EXCLUDED.routed_at,
              closed_outcome = NULL, closed_at = NULL
        WHERE lead_holdings.routed_at < EXCLUDED.routed_at`,
      [json],
    );
  }

  /** Closes holdings the answering rep holds (an answer from a rep who no longer holds the lead closes nothing). */
  async close(manager: EntityManager, closes: readonly LeadClose[]): Promise<void> {
    if (closes.length === 0) return;
    await manager.query(
      `UPDATE lead_holdings h SET closed_outcome = c.outcome, closed_at = c.at
         FROM jsonb_to_recordset($1::jsonb) AS c("leadId" uuid, "repId" text, outcome text, at timestamptz)
        WHERE h.lead_id = c."leadId" AND h.closed_at IS NULL AND (c."repId" IS NULL OR h.rep_id = c."repId")`,
      [JSON.stringify(closes)],
    );
  }
}
