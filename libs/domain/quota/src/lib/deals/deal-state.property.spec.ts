import fc from 'fast-check';
import { withShuffled } from '../../testing/arbitraries';
import { DEAL_FACT_KINDS, type DealFact } from './deal-fact';
import { dealStateOf } from './deal-state';

// Few distinct instants, so ties between facts are common.
const instants = fc.constantFrom(
  '2027-01-05T10:00:00Z',
  '2027-02-10T16:00:00Z',
  '2027-02-10T17:00:00+01:00',
  '2027-03-01T00:00:00Z',
);
const factOf = (eventId: string) =>
  fc.record(
    {
      eventId: fc.constant(eventId),
      dealId: fc.constant('deal-1'),
      kind: fc.constantFrom(...DEAL_FACT_KINDS),
      occurredAt: instants,
      repId: fc.constantFrom('ana', 'bo'),
      amount: fc.integer({ min: 0, max: 100_000 }),
      currency: fc.constantFrom('EUR', 'USD'),
    },
    { requiredKeys: ['eventId', 'dealId', 'kind', 'occurredAt'] },
  );
const dealFacts = fc
  .uniqueArray(fc.stringMatching(/^e[0-9a-f]{1,3}$/), { minLength: 1, maxLength: 12 })
  .chain((ids) => fc.tuple(...ids.map(factOf)));

describe('dealStateOf (properties)', () => {
  it('does not depend on the order the facts arrived in', () => {
    fc.assert(
      fc.property(withShuffled(dealFacts), ([facts, shuffled]) => {
        expect(dealStateOf(shuffled)).toEqual(dealStateOf(facts));
      }),
    );
  });

  it('does not change when facts are delivered again', () => {
    fc.assert(
      fc.property(
        dealFacts.chain((facts) => fc.tuple(fc.constant(facts), fc.subarray(facts))),
        ([facts, redelivered]) => {
          const copies = redelivered.map((f): DealFact => ({ ...f }));
          expect(dealStateOf([...copies, ...facts, ...copies])).toEqual(dealStateOf(facts));
        },
      ),
    );
  });

  it('is won exactly when the last closing or reopening fact in time is a won fact, closed at its time', () => {
    fc.assert(
      fc.property(dealFacts, (facts) => {
        const state = dealStateOf(facts);
        const turns = [...facts]
          .filter((f) => f.kind === 'won' || f.kind === 'lost' || f.kind === 'reopened')
          .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || (a.eventId < b.eventId ? -1 : 1));
        const last = turns[turns.length - 1];

        expect(state.status === 'won').toBe(last?.kind === 'won');
        if (state.status === 'won') expect(state.closedAt).toBe(last.occurredAt);
      }),
    );
  });
});
