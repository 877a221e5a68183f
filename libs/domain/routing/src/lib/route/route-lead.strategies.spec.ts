import { directory, lead, pool, rep, request, rule, ruleSet } from '../../testing/builders';
import type { PoolStrategyState } from '../decision.types';
import { routeLead } from './route-lead';

describe('routeLead with the real strategies', () => {
  it('hands consecutive leads of a round-robin pool to each member in turn, carrying the turn in the pool state', () => {
    const snapshot = directory({
      reps: [rep('ana'), rep('bo'), rep('cy')],
      pools: [pool('inbound', { repIds: ['ana', 'bo', 'cy'] })],
    });
    const rules = ruleSet([rule('all', { when: {}, pool: 'inbound', strategy: 'round_robin' })]);
    let state: PoolStrategyState = { sequence: 0 };
    const chosen: string[] = [];

    for (let index = 0; index < 4; index++) {
      const decision = routeLead(
        request({ lead: lead({ country: 'DE' }), now: '2026-01-14T09:00:00.000Z' }),
        rules,
        snapshot,
        () => state,
      );
      if (decision.outcome !== 'assigned') throw new Error(`expected an assignment, got ${decision.reason}`);
      chosen.push(decision.repId);
      state = decision.poolState;
    }

    expect(chosen).toEqual(['ana', 'bo', 'cy', 'ana']);
    expect(state.sequence).toBe(4);
  });
});
