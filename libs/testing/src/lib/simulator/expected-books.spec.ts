import { expectedBooks } from './expected-books';
import type { RecordLine, SentLine } from './run-record';

let clock = 0;
const sent = (fields: Partial<SentLine>): SentLine => ({
  kind: 'sent',
  id: `m${clock}`,
  at: new Date(Date.UTC(2026, 11, 6, 10, 0, clock++)).toISOString(),
  interface: 'native',
  lead: 'L1',
  type: 'page_view',
  status: 'accepted',
  ...fields,
});
const sale = (type: string, fields: Partial<SentLine> = {}) =>
  sent({ interface: 'sales.activity', type, status: 'produced', repId: 'ana', ...fields });

describe('expectedBooks', () => {
  it('counts what was sent and what was acknowledged, per interface and per lead', () => {
    const lines: RecordLine[] = [
      sent({}),
      sent({ interface: 'segment', status: 'duplicate' }),
      sent({ interface: 'segment', lead: 'L2' }),
      sent({ interface: 'kafka', status: 'produced', lead: 'L2' }),
      sent({ interface: 'native', status: 'rejected', lead: 'L3' }),
      sent({ interface: 'native', status: 'failed', lead: 'L3' }),
    ];
    const books = expectedBooks(lines);
    expect(books.sent).toEqual({ native: 3, segment: 2, kafka: 1 });
    expect(books.acknowledged).toEqual({ native: 1, segment: 1, kafka: 1 });
    expect(books.eventsPerLead).toEqual({ L1: 1, L2: 2 });
  });

  it('sums won deals per rep and currency at their corrected amount, leaving lost and failed deals out', () => {
    const books = expectedBooks([
      sale('accepted'),
      sale('won', { dealId: 'd1', amount: 1000, currency: 'EUR' }),
      sale('amount_corrected', { interface: 'sales.crm_outcome', dealId: 'd1', amount: 1200, currency: 'EUR' }),
      sale('won', { dealId: 'd2', amount: 500, currency: 'GBP' }),
      sale('won', { dealId: 'd3', amount: 700, currency: 'GBP', status: 'failed' }),
      sale('lost', { dealId: 'd4', amount: 900, currency: 'EUR' }),
      sale('won', { dealId: 'd5', amount: 300, currency: 'USD', repId: 'bo' }),
      sale('meeting_held', { interface: 'sales.crm_outcome', repId: 'bo' }),
    ]);
    expect(books.wonAmounts).toEqual({ ana: { EUR: 1200, GBP: 500 }, bo: { USD: 300 } });
    expect(books.salesOutcomes).toEqual({ accepted: 1, won: 3, amount_corrected: 1, lost: 1, meeting_held: 1 });
    expect(books.acceptedPerRep).toEqual({ ana: 1 });
    expect(books.meetingsPerRep).toEqual({ bo: 1 });
  });
});
