import { Injectable } from '@nestjs/common';
import type { CapKind, LedgerEntryKind } from '@handoff/domain-scoring';
import { DataSource } from 'typeorm';

export interface LedgerView {
  id: string;
  kind: LedgerEntryKind;
  eventId: string;
  causeEventId: string;
  ruleId: string;
  modelVersion: string;
  occurredAt: string;
  recordedAt: string;
  points: number;
  previousAwarded: number;
  awarded: number;
  pointsAfterDecay: number;
  cap: CapKind | null;
  mergedFromLeadId: string | null;
}

interface LedgerRecord {
  id: string;
  kind: LedgerEntryKind;
  event_id: string;
  cause_event_id: string;
  rule_id: string;
  model_version: string;
  occurred_at: Date;
  recorded_at: Date;
  points: number;
  previous_awarded: number;
  awarded: number;
  points_after_decay: number;
  cap: CapKind | null;
  merged_from_lead_id: string | null;
}

/** Reads one lead's ledger in the order the changes were made, by keyset (id) so deep pages stay cheap. */
@Injectable()
export class LedgerReader {
  constructor(private readonly dataSource: DataSource) {}

  async page(leadId: string, afterId: string | undefined, limit: number): Promise<LedgerView[]> {
    const rows: LedgerRecord[] = await this.dataSource.query(
      `SELECT id, kind, event_id, cause_event_id, rule_id, model_version, occurred_at, recorded_at, points,
         previous_awarded, awarded, points_after_decay, cap, merged_from_lead_id
       FROM score_ledger WHERE lead_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
      [leadId, afterId ?? '0', limit],
    );
    return rows.map(viewOf);
  }

  /** Every page of the ledger in turn, for streaming an export without holding it in memory. */
  async *all(leadId: string, pageSize = 1000): AsyncGenerator<LedgerView[]> {
    let afterId: string | undefined;
    for (;;) {
      const page = await this.page(leadId, afterId, pageSize);
      if (page.length > 0) yield page;
      if (page.length < pageSize) return;
      afterId = page[page.length - 1].id;
    }
  }
}

function viewOf(row: LedgerRecord): LedgerView {
  return {
    id: row.id,
    kind: row.kind,
    eventId: row.event_id,
    causeEventId: row.cause_event_id,
    ruleId: row.rule_id,
    modelVersion: row.model_version,
    occurredAt: row.occurred_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    points: row.points,
    previousAwarded: row.previous_awarded,
    awarded: row.awarded,
    pointsAfterDecay: row.points_after_decay,
    cap: row.cap,
    mergedFromLeadId: row.merged_from_lead_id,
  };
}
