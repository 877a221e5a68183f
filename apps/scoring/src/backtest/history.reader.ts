import { Injectable } from '@nestjs/common';
import type { Engagement, HistoryEvent, LeadHistory, LifecycleSalesOutcome } from '@handoff/domain-scoring';
import type { EntityManager } from 'typeorm';

interface HistoryRecord {
  lead_id: string;
  event_id: string;
  kind: HistoryEvent['kind'];
  occurred_at: Date;
  payload: Engagement | { outcome: LifecycleSalesOutcome; reason?: string };
}

/** The recorded inputs of live (not merged-away) leads, each lead's in the order they were applied. */
@Injectable()
export class HistoryReader {
  /** The `maxLeads` most recently changed leads, so a huge schema still gives a bounded, representative run. */
  async histories(manager: EntityManager, maxLeads: number): Promise<LeadHistory[]> {
    const rows: HistoryRecord[] = await manager.query(
      `SELECT e.lead_id, e.event_id, e.kind, e.occurred_at, e.payload
       FROM lead_events e
       JOIN (SELECT lead_id FROM lead_state WHERE merged_into IS NULL ORDER BY updated_at DESC, lead_id LIMIT $1) l
         ON l.lead_id = e.lead_id
       ORDER BY e.lead_id, e.id`,
      [maxLeads],
    );
    const byLead = new Map<string, LeadHistory>();
    for (const row of rows) {
      const history = byLead.get(row.lead_id) ?? { leadId: row.lead_id, events: [] };
      history.events.push(historyEventOf(row));
      byLead.set(row.lead_id, history);
    }
    return [...byLead.values()];
  }
}

function historyEventOf(row: HistoryRecord): HistoryEvent {
  if (row.kind === 'engagement') return { kind: 'engagement', engagement: row.payload as Engagement };
  const { outcome, reason } = row.payload as { outcome: LifecycleSalesOutcome; reason?: string };
  return {
    kind: 'sales',
    eventId: row.event_id,
    occurredAt: row.occurred_at.toISOString(),
    outcome,
    ...(reason === undefined ? {} : { reason }),
  };
}
