import { LeastLoadedStrategy } from './least-loaded.strategy';
import { START, rep } from './strategy-fixtures';
import type { StrategyCandidate } from './selection-strategy';

const strategy = new LeastLoadedStrategy();
const load = (repId: string, openLeads: number) => ({ repId, openLeads, assignedToday: 0, assignedLast30Days: 0 });
const withOpen = (open: Record<string, number | undefined>): StrategyCandidate[] =>
  Object.entries(open).map(([id, n]) => ({ rep: rep(id), ...(n === undefined ? {} : { load: load(id, n) }) }));
const members = ['a', 'b', 'c'].map((id) => rep(id));

describe('LeastLoadedStrategy', () => {
  it('gives the lead to the rep with the fewest open leads', () => {
    expect(strategy.pick(withOpen({ a: 4, b: 1, c: 2 }), members, START).repId).toBe('b');
  });

  it('counts a rep without a load on record as having no open leads', () => {
    expect(strategy.pick(withOpen({ a: 1, b: undefined, c: 2 }), members, START).repId).toBe('b');
  });

  it('lets equally loaded reps alternate by round-robin turn instead of favouring the lower id', () => {
    const first = strategy.pick(withOpen({ a: 1, b: 1, c: 3 }), members, START);
    const second = strategy.pick(withOpen({ a: 1, b: 1, c: 3 }), members, first.state);
    const third = strategy.pick(withOpen({ a: 1, b: 1, c: 3 }), members, second.state);
    expect([first.repId, second.repId, third.repId]).toEqual(['a', 'b', 'a']);
    expect(third.state).toEqual({ sequence: 3, lastRepId: 'a' });
  });

  it('scores every eligible rep by its open leads, naming its turn for the tie-break', () => {
    const pick = strategy.pick(withOpen({ c: 0, a: 1, b: undefined }), members, { sequence: 2, lastRepId: 'a' });
    expect(pick.repId).toBe('b');
    expect(pick.scores).toEqual([
      { repId: 'a', score: 1, detail: '1 open lead, 3rd in turn after a' },
      { repId: 'b', score: 0, detail: 'no open leads on record, next in turn after a' },
      { repId: 'c', score: 0, detail: '0 open leads, 2nd in turn after a' },
    ]);
  });
});
