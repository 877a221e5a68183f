import type { Currency } from './sales-response';
import type { RecordedInterface, RecordLine, SentLine } from './run-record';

/**
 * The books the services should show after a run, from what the run record says was sent and acknowledged
 * (never from what the platform should conclude, such as who qualifies: that is for the services to work out).
 */
export interface ExpectedBooks {
  /** Messages sent per interface, and those acknowledged (ingest accepted, the broker took the record). */
  sent: Partial<Record<RecordedInterface, number>>;
  acknowledged: Partial<Record<RecordedInterface, number>>;
  /** Engagement events acknowledged per simulated lead (all interfaces). */
  eventsPerLead: Record<string, number>;
  /** Sales outcomes published (accepted, rejected, won, lost, meeting_held, amount_corrected). */
  salesOutcomes: Record<string, number>;
  /** Won revenue per rep per currency, each deal at its last reported amount. */
  wonAmounts: Record<string, Partial<Record<Currency, number>>>;
  /** Leads each rep accepted, and meetings each rep held. */
  acceptedPerRep: Record<string, number>;
  meetingsPerRep: Record<string, number>;
}

const ACKNOWLEDGED = new Set(['accepted', 'produced']);
const INGEST_INTERFACES = new Set<RecordedInterface>(['native', 'segment', 'kafka']);

export function expectedBooks(lines: readonly RecordLine[]): ExpectedBooks {
  const sent = lines.filter((line): line is SentLine => line.kind === 'sent');
  const books: ExpectedBooks = {
    sent: {},
    acknowledged: {},
    eventsPerLead: {},
    salesOutcomes: {},
    wonAmounts: {},
    acceptedPerRep: {},
    meetingsPerRep: {},
  };
  for (const line of sent) {
    increment(books.sent, line.interface);
    if (!ACKNOWLEDGED.has(line.status)) continue;
    increment(books.acknowledged, line.interface);
    if (INGEST_INTERFACES.has(line.interface)) increment(books.eventsPerLead, line.lead);
    else increment(books.salesOutcomes, line.type);
    if (line.repId && line.type === 'accepted') increment(books.acceptedPerRep, line.repId);
    if (line.repId && line.type === 'meeting_held') increment(books.meetingsPerRep, line.repId);
  }
  for (const deal of wonDeals(sent)) {
    const perCurrency = (books.wonAmounts[deal.repId] ??= {});
    perCurrency[deal.currency] = (perCurrency[deal.currency] ?? 0) + deal.amount;
  }
  return books;
}

/** Each won deal once, at the amount of its latest fact (a correction replaces the amount it was won at). */
function wonDeals(sent: readonly SentLine[]): { repId: string; amount: number; currency: Currency }[] {
  const deals = new Map<string, { repId: string; amount: number; currency: Currency; won: boolean }>();
  const facts = sent
    .filter((line) => ACKNOWLEDGED.has(line.status) && line.dealId && line.repId && line.currency)
    .sort((a, b) => a.at.localeCompare(b.at));
  for (const fact of facts) {
    const known = deals.get(fact.dealId as string);
    deals.set(fact.dealId as string, {
      repId: fact.repId as string,
      amount: fact.amount ?? known?.amount ?? 0,
      currency: fact.currency as Currency,
      won: fact.type === 'won' || (known?.won ?? false),
    });
  }
  return [...deals.values()].filter((deal) => deal.won);
}

function increment<K extends string>(counts: Partial<Record<K, number>>, key: K): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
