import { applyAll, day, engagement, modelWith, rule } from '../../testing/builders';
import { behaviourScoreAt } from './behaviour-score';
import { behaviourDropsBelowAt } from './threshold-crossing';

/** The crossing is the first whole second at which the score is strictly below the threshold. */
const justAfter = (iso: string): string => new Date(Date.parse(iso) + 1000).toISOString();

describe('behaviourDropsBelowAt', () => {
  const model = modelWith([
    rule({ id: 'page', points: 100 }),
    rule({ id: 'forever', activityType: 'trial_signup', points: 10, halfLifeDays: null }),
    rule({ id: 'unsub', activityType: 'unsubscribe', points: -10, halfLifeDays: null }),
  ]);

  it('finds the second at which a decaying score crosses the threshold', () => {
    const { state } = applyAll([engagement('e1', 'page_view', 0)], model);
    expect(behaviourDropsBelowAt(state, 50, day(0), model)).toBe(justAfter(day(30)));
    expect(behaviourDropsBelowAt(state, 25, day(10), model)).toBe(justAfter(day(60)));
  });

  it('returns the start time when the score is already below', () => {
    const { state } = applyAll([engagement('e1', 'page_view', 0)], model);
    expect(behaviourDropsBelowAt(state, 50, day(45), model)).toBe(day(45));
  });

  it('returns null when nothing decays or the crossing lies beyond the horizon', () => {
    const flat = applyAll([engagement('e1', 'trial_signup', 0)], model).state;
    expect(behaviourDropsBelowAt(flat, 5, day(0), model)).toBeNull();
    const decaying = applyAll([engagement('e1', 'page_view', 0)], model).state;
    expect(behaviourDropsBelowAt(decaying, 1, day(0), model, 100)).toBeNull();
  });

  it('accounts for contributions that never decay', () => {
    const { state } = applyAll([engagement('e1', 'page_view', 0), engagement('e2', 'unsubscribe', 0)], model);
    const crossing = behaviourDropsBelowAt(state, 40, day(0), model);
    expect(crossing).toBe(justAfter(day(30)));
    expect(behaviourScoreAt(state, crossing as string, model).total).toBeLessThan(40);
  });
});
