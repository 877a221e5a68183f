// The facts a rep's answer leads to, each at its planned time, as the sales systems would report them:
// sales.activity.v1 (accepted, rejected, won, lost; keyed by lead) and sales.crm_outcome.v1 (meetings and amount
// corrections; keyed by rep).
import { type LeadRoutedV1, Topics } from '@handoff/contracts';
import type { SentLine } from './run-record';
import type { Currency, SalesResponse } from './sales-response';
import { uuidFrom } from './seeded-random';
import type { SimulatedLead } from './simulated-lead';

export interface PlannedFact {
  dueAt: number;
  topic: string;
  key: string;
  /** The event without `occurredAt`, which is its due time. */
  value: Record<string, unknown>;
  line: Omit<SentLine, 'kind' | 'at' | 'status'>;
}

interface FactSpec {
  /** Unique per assignment: seeds the event id. */
  name: string;
  offsetMs: number;
  outcome: string;
  crm?: boolean;
  reason?: string;
  deal?: { dealId: string; amount: number; currency: Currency };
}

export function salesFactsOf(
  response: SalesResponse,
  lead: SimulatedLead,
  routed: LeadRoutedV1,
  now: number,
): PlannedFact[] {
  return specsOf(response).map((spec) => factOf(spec, lead, routed, now));
}

function specsOf(response: SalesResponse): FactSpec[] {
  if (response.kind === 'ignored') return [];
  if (response.kind === 'rejected') {
    return [{ name: 'rejected', offsetMs: response.afterMs, outcome: 'rejected', reason: response.reason }];
  }
  const { deal, afterMs, dealAfterMs, meetings } = response;
  const money = { dealId: deal.dealId, amount: deal.amount, currency: deal.currency };
  // Meetings fall evenly between the acceptance and the deal's close.
  const meetingSpecs = Array.from({ length: meetings }, (_, index) => ({
    name: `meeting-${index}`,
    offsetMs: afterMs + Math.round(((dealAfterMs - afterMs) * (index + 1)) / (meetings + 1)),
    outcome: 'meeting_held',
    crm: true,
  }));
  const correction =
    deal.correctedAmount === undefined
      ? []
      : [
          {
            name: 'amount_corrected',
            offsetMs: dealAfterMs + 1000,
            outcome: 'amount_corrected',
            crm: true,
            deal: { ...money, amount: deal.correctedAmount },
          },
        ];
  return [
    { name: 'accepted', offsetMs: afterMs, outcome: 'accepted' },
    ...meetingSpecs,
    { name: deal.outcome, offsetMs: dealAfterMs, outcome: deal.outcome, reason: deal.reason, deal: money },
    ...correction,
  ];
}

function factOf(spec: FactSpec, lead: SimulatedLead, routed: LeadRoutedV1, now: number): PlannedFact {
  const eventId = uuidFrom(`${lead.key}:${routed.attempt}:${spec.name}`);
  const { leadId, repId } = routed;
  return {
    dueAt: now + spec.offsetMs,
    topic: spec.crm ? Topics.crmOutcome.name : Topics.salesActivity.name,
    key: spec.crm ? repId : leadId,
    value: {
      eventId,
      schemaVersion: 1,
      correlationId: eventId,
      leadId,
      repId,
      outcome: spec.outcome,
      ...(spec.reason ? { reason: spec.reason } : {}),
      ...spec.deal,
    },
    line: {
      id: eventId,
      interface: spec.crm ? 'sales.crm_outcome' : 'sales.activity',
      lead: lead.key,
      type: spec.outcome,
      repId,
      ...spec.deal,
    },
  };
}
