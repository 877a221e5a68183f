import { randomUUID } from 'node:crypto';
import {
  type CrmOutcomeV1,
  encodeEvent,
  type EventEnvelope,
  exampleEvents,
  type SalesActivityV1,
  type TopicContract,
  Topics,
} from '@handoff/contracts';
import { eventHeaders, type RecordHeaders } from '@handoff/platform-kafka';
import type { CrmOutcome, SalesOutcome } from '@handoff/shared-vocabulary';

/** The topics quota consumes; its group must start at the end of each. */
export const QUOTA_INPUTS = [Topics.salesActivity.name, Topics.crmOutcome.name, Topics.leadRouted.name];

/** One input record of quota, validated against its contract and encoded once, before any timing. */
export interface OutcomeRecord {
  /** The event id, also its correlation id: rep.capacity.v1 carries its chunk's first correlation id. */
  eventId: string;
  topic: string;
  /** Topic and outcome, e.g. `sales.activity.v1 won`, for the mix line of the report. */
  kind: string;
  key: string;
  value: string;
  headers: RecordHeaders;
}

/** A lead's life after routing, as shares of the leads reaching each step (rough B2B funnel figures). */
const FUNNEL = {
  rejected: 0.25,
  meetingAfterAccept: 0.6,
  dealAfterAccept: 0.5,
  wonOfDeals: 0.5,
  correctedOfWon: 0.3,
  reopenedOfWon: 0.1,
  usdOfDeals: 0.3,
};
const MIN_DEAL = 2_000;
const MAX_DEAL = 80_000;
/**
 * Leads in flight at once: records are drawn from random open journeys, so the stream mixes every kind of
 * record as a live one does, while each lead's records stay in order (routed before accepted before won).
 */
const OPEN_JOURNEYS = 300;

const chance = (share: number) => Math.random() < share;

function recordOf<V extends EventEnvelope>(contract: TopicContract<V>, event: V, outcome: string): OutcomeRecord {
  const { key, value } = encodeEvent(contract, event);
  return {
    eventId: event.eventId,
    topic: contract.name,
    kind: `${contract.name} ${outcome}`,
    key,
    value,
    headers: eventHeaders(event),
  };
}

function envelope(now: string) {
  const eventId = randomUUID();
  return { eventId, correlationId: eventId, occurredAt: now };
}

/** Every record of one lead routed to `repId`: routed, answered, maybe met, maybe a deal won or lost and changed. */
function journeyOf(repId: string, now: string): OutcomeRecord[] {
  const leadId = randomUUID();
  /** A record about this lead and rep; the examples' deal fields are cleared, a deal's are passed in `deal`. */
  const about = <O extends string>(outcome: O) => ({
    ...envelope(now),
    leadId,
    repId,
    outcome,
    dealId: undefined,
    amount: undefined,
    currency: undefined,
  });
  const sale = (outcome: SalesOutcome, deal: Partial<SalesActivityV1> = {}) =>
    recordOf(Topics.salesActivity, exampleEvents.salesActivity({ ...about(outcome), ...deal }), outcome);
  const crm = (outcome: CrmOutcome, deal: Partial<CrmOutcomeV1> = {}) =>
    recordOf(Topics.crmOutcome, exampleEvents.crmOutcome({ ...about(outcome), ...deal }), outcome);
  const routed = exampleEvents.leadRouted({
    ...envelope(now),
    leadId,
    repId,
    assignmentId: randomUUID(),
    qualificationId: randomUUID(),
  });
  const records = [recordOf(Topics.leadRouted, routed, 'routed')];
  if (chance(FUNNEL.rejected)) return [...records, sale('rejected')];
  records.push(sale('accepted'));
  if (chance(FUNNEL.meetingAfterAccept)) records.push(crm('meeting_held'));
  if (!chance(FUNNEL.dealAfterAccept)) return records;
  const deal = {
    dealId: `deal-${randomUUID()}`,
    amount: Math.round(MIN_DEAL + Math.random() * (MAX_DEAL - MIN_DEAL)),
    currency: chance(FUNNEL.usdOfDeals) ? 'USD' : 'EUR',
  };
  records.push(crm('deal_created', deal));
  if (!chance(FUNNEL.wonOfDeals)) return [...records, sale('lost', { dealId: deal.dealId })];
  records.push(sale('won', deal));
  if (chance(FUNNEL.correctedOfWon)) records.push(crm('amount_corrected', { ...deal, amount: deal.amount + 500 }));
  if (chance(FUNNEL.reopenedOfWon)) records.push(crm('deal_reopened', { dealId: deal.dealId }));
  return records;
}

/** `count` records of leads routed to `repIds` in turn, interleaved across leads as a live stream would be. */
export function outcomeRecords(count: number, repIds: readonly string[], now = new Date().toISOString()) {
  const open: OutcomeRecord[][] = [];
  const records: OutcomeRecord[] = [];
  for (let lead = 0; records.length < count; ) {
    while (open.length < OPEN_JOURNEYS) open.push(journeyOf(repIds[lead++ % repIds.length], now));
    const index = Math.floor(Math.random() * open.length);
    const journey = open[index];
    records.push(journey.shift() as OutcomeRecord);
    if (journey.length === 0) {
      open[index] = open[open.length - 1];
      open.pop();
    }
  }
  return records;
}

/** How many records of each kind, most first: the mix line of the report. */
export function mixOf(records: readonly OutcomeRecord[]): [kind: string, count: number][] {
  const counts = new Map<string, number>();
  for (const { kind } of records) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].sort(([, a], [, b]) => b - a);
}
