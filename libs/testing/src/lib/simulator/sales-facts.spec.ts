import { decodeEvent, exampleEvents, Topics } from '@handoff/contracts';
import { marketCompanies } from './firmographics';
import { salesFactsOf } from './sales-facts';
import type { SalesResponse } from './sales-response';
import { SeededRandom } from './seeded-random';
import { drawLead } from './simulated-lead';

const lead = drawLead(new SeededRandom(1), 'run', 0, marketCompanies());
const routed = exampleEvents.leadRouted({ repId: 'sim-ana-ribeiro', attempt: 2 });
const NOW = Date.parse('2026-12-06T10:00:00.000Z');
const won: SalesResponse = {
  kind: 'accepted',
  afterMs: 1000,
  meetings: 2,
  dealAfterMs: 7000,
  deal: { outcome: 'won', dealId: 'deal-run-L0-a2', amount: 12_000, currency: 'EUR', correctedAmount: 13_500 },
};

describe('sales facts', () => {
  it('follow an accepted lead with meetings, the won deal and its correction, in time order', () => {
    const facts = salesFactsOf(won, lead, routed, NOW);
    expect(facts.map((fact) => [fact.line.type, fact.dueAt - NOW])).toEqual([
      ['accepted', 1000],
      ['meeting_held', 3000],
      ['meeting_held', 5000],
      ['won', 7000],
      ['amount_corrected', 8000],
    ]);
    expect(facts.map((fact) => fact.line.interface)).toEqual([
      'sales.activity',
      'sales.crm_outcome',
      'sales.crm_outcome',
      'sales.activity',
      'sales.crm_outcome',
    ]);
  });

  it('meet the sales.activity.v1 and sales.crm_outcome.v1 contracts, keyed by lead and by rep', () => {
    const rejected: SalesResponse = { kind: 'rejected', reason: 'not a fit', afterMs: 500 };
    for (const fact of [...salesFactsOf(won, lead, routed, NOW), ...salesFactsOf(rejected, lead, routed, NOW)]) {
      const value = { ...fact.value, occurredAt: new Date(fact.dueAt).toISOString() };
      const decode = () =>
        fact.topic === Topics.crmOutcome.name
          ? decodeEvent(Topics.crmOutcome, value)
          : decodeEvent(Topics.salesActivity, value);
      expect(decode).not.toThrow();
      expect(fact.key).toBe(fact.topic === Topics.crmOutcome.name ? routed.repId : routed.leadId);
    }
  });

  it('give every fact of an assignment its own id, the same on every replay', () => {
    const ids = salesFactsOf(won, lead, routed, NOW).map((fact) => fact.line.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(salesFactsOf(won, lead, routed, NOW + 5).map((fact) => fact.line.id)).toEqual(ids);
  });

  it('publish nothing for an assignment nobody answers', () => {
    expect(salesFactsOf({ kind: 'ignored' }, lead, routed, NOW)).toEqual([]);
  });
});
