import fc from 'fast-check';
import { DomainError } from '@handoff/shared-errors';
import { ROUTING_STRATEGIES, type RoutingStrategy } from '@handoff/shared-vocabulary';
import type { PoolStrategyState } from '../decision.types';
import { strategyFor } from './strategy-for';
import { capacity, rep } from './strategy-fixtures';

const candidateArb = fc.record({
  id: fc.string({ minLength: 1, maxLength: 3 }),
  weight: fc.integer({ min: 0, max: 5 }),
  openLeads: fc.option(fc.nat(5), { nil: undefined }),
  remaining: fc.option(fc.integer({ min: -1, max: 5 }), { nil: undefined }),
});
const stateArb: fc.Arbitrary<PoolStrategyState> = fc.record(
  { sequence: fc.nat(1000), lastRepId: fc.string({ maxLength: 3 }) },
  { requiredKeys: ['sequence'] },
);

describe('strategyFor', () => {
  it.each(ROUTING_STRATEGIES)('returns the %s strategy', (name) => {
    expect(strategyFor(name).name).toBe(name);
  });

  it('refuses a strategy name it does not know', () => {
    expect(() => strategyFor('coin_flip' as RoutingStrategy)).toThrow(DomainError);
  });

  it.each(ROUTING_STRATEGIES)(
    '%s picks an eligible rep, advances the state and scores every eligible rep with a reason',
    (name) => {
      fc.assert(
        fc.property(
          fc.uniqueArray(candidateArb, { minLength: 1, maxLength: 8, selector: (c) => c.id }),
          stateArb,
          (specs, state) => {
            const candidates = specs.map((s) => ({
              rep: rep(s.id, s.weight),
              ...(s.openLeads === undefined
                ? {}
                : { load: { repId: s.id, openLeads: s.openLeads, assignedToday: 0, assignedLast30Days: 0 } }),
              ...(s.remaining === undefined
                ? {}
                : { capacity: capacity(s.id, { remainingLeadCapacity: s.remaining }) }),
            }));
            const given = structuredClone(state);
            const pick = strategyFor(name).pick(
              candidates,
              candidates.map((c) => c.rep),
              state,
            );

            const ids = specs.map((s) => s.id).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
            expect(ids).toContain(pick.repId);
            expect(pick.state.sequence).toBe(state.sequence + 1);
            expect(pick.state.lastRepId).toBe(pick.repId);
            expect(pick.scores.map((s) => s.repId)).toEqual(ids);
            for (const score of pick.scores) {
              expect(Number.isFinite(score.score)).toBe(true);
              expect(score.detail.length).toBeGreaterThan(0);
            }
            expect(state).toEqual(given);
            expect(
              strategyFor(name).pick(
                [...candidates].reverse(),
                candidates.map((c) => c.rep),
                state,
              ),
            ).toEqual(pick);
          },
        ),
      );
    },
  );
});
