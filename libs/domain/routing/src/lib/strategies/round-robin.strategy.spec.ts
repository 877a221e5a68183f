import fc from 'fast-check';
import { RoundRobinStrategy } from './round-robin.strategy';
import { START, candidatesOf, rep, runPicks } from './strategy-fixtures';

const strategy = new RoundRobinStrategy();
const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => rep(id));

describe('RoundRobinStrategy', () => {
  it('takes turns in rep id order across calls, carried by the pool state', () => {
    const { picks, state } = runPicks(strategy, [c, a, b], 7);
    expect(picks).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a']);
    expect(state).toEqual({ sequence: 7, lastRepId: 'a' });
  });

  it('skips the turn of a rep who is not eligible and does not save it up for their return', () => {
    const members = [a, b, c];
    const first = strategy.pick(candidatesOf(members), members, START);
    const bAway = strategy.pick(candidatesOf([a, c]), members, first.state);
    const { picks } = runPicks(strategy, members, 4, bAway.state);
    expect([first.repId, bAway.repId, ...picks]).toEqual(['a', 'c', 'a', 'b', 'c', 'a']);
  });

  it('goes on after the last rep even when that rep has left the pool', () => {
    const pick = strategy.pick(candidatesOf([a, c, d]), [a, c, d], { sequence: 4, lastRepId: 'b' });
    expect(pick.repId).toBe('c');
  });

  it('scores every eligible rep by its place in the turn and keeps other state untouched', () => {
    const state = { sequence: 9, lastRepId: 'b', credits: { a: 0.5 } };
    const pick = strategy.pick(candidatesOf([d, a, c]), [a, b, c, d], state);
    expect(pick).toEqual({
      repId: 'c',
      state: { sequence: 10, lastRepId: 'c', credits: { a: 0.5 } },
      scores: [
        { repId: 'a', score: 3, detail: '3rd in turn after b' },
        { repId: 'c', score: 1, detail: 'next in turn after b' },
        { repId: 'd', score: 2, detail: '2nd in turn after b' },
      ],
    });
    expect(state).toEqual({ sequence: 9, lastRepId: 'b', credits: { a: 0.5 } });
  });

  it('always picks the first eligible rep id after the last one, wrapping, and serves each rep once per round', () => {
    const ids = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(ids, fc.option(fc.string({ maxLength: 4 }), { nil: undefined }), (repIds, lastRepId) => {
        const members = repIds.map((id) => rep(id));
        const pick = strategy.pick(candidatesOf(members), members, { sequence: 0, lastRepId });
        const sorted = [...repIds].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
        const expected = sorted.find((id) => lastRepId === undefined || id > lastRepId) ?? sorted[0];
        expect(pick.repId).toBe(expected);

        const round = runPicks(strategy, members, members.length, pick.state).picks;
        expect([...round].sort()).toEqual([...repIds].sort());
      }),
    );
  });
});
