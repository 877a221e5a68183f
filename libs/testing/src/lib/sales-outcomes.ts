import { randomUUID } from 'node:crypto';
import { exampleEvents, type SalesActivityV1 } from '@handoff/contracts';

/** A sales system's report of a won deal, now, on a fresh lead and deal unless `overrides` say otherwise. */
export function wonDeal(repId: string, amount: number, overrides: Partial<SalesActivityV1> = {}): SalesActivityV1 {
  return exampleEvents.salesActivity({
    eventId: randomUUID(),
    leadId: randomUUID(),
    occurredAt: new Date().toISOString(),
    repId,
    outcome: 'won',
    dealId: `deal-${randomUUID()}`,
    amount,
    currency: 'EUR',
    ...overrides,
  });
}

/** A sales system's report, now, that the rep accepted or rejected the lead: no deal, no amount. */
export function leadAnswer(leadId: string, repId: string, outcome: 'accepted' | 'rejected'): SalesActivityV1 {
  return exampleEvents.salesActivity({
    eventId: randomUUID(),
    leadId,
    occurredAt: new Date().toISOString(),
    repId,
    outcome,
    dealId: undefined,
    amount: undefined,
    currency: undefined,
  });
}
