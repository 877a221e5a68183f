import { SmoothWeightedRoundRobinStrategy } from './smooth-weighted-round-robin.strategy';
import { START, candidatesOf, longestRun, rep, runPicks } from './strategy-fixtures';

const strategy = new SmoothWeightedRoundRobinStrategy();
const counts = (picks: string[]) =>
  picks.reduce<Record<string, number>>((c, id) => ({ ...c, [id]: (c[id] ?? 0) + 1 }), {});

describe('SmoothWeightedRoundRobinStrategy', () => {
  it('interleaves a heavy rep with light ones instead of serving it in a block', () => {
    const { picks } = runPicks(strategy, [rep('a', 5), rep('b', 1), rep('c', 1)], 14);
    expect(picks.join('')).toBe('aabaacaaabaaca');
  });

  it('serves equal weights in turn, lowest rep id first', () => {
    const { picks } = runPicks(strategy, [rep('c'), rep('a'), rep('b')], 6);
    expect(picks).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
  });

  it('counts the sequence and remembers the last rep and the leads each eligible rep is owed', () => {
    const first = strategy.pick(candidatesOf([rep('a', 3), rep('b', 1)]), [rep('a', 3), rep('b', 1)], START);
    expect(first.repId).toBe('a');
    expect(first.state).toEqual({ sequence: 1, lastRepId: 'a', credits: { a: -0.25, b: 0.25 } });
  });

  it('continues the same sequence from state that went through JSON, as the service stores it', () => {
    const reps = [rep('a', 3), rep('b', 2), rep('c', 0.5)];
    const inMemory = runPicks(strategy, reps, 60).picks;
    let state = START;
    const stored: string[] = [];
    for (let i = 0; i < 60; i++) {
      const pick = strategy.pick(candidatesOf(reps), reps, JSON.parse(JSON.stringify(state)));
      stored.push(pick.repId);
      state = pick.state;
    }
    expect(stored).toEqual(inMemory);
  });

  it('chooses the same rep whatever order the candidates come in', () => {
    const reps = [rep('a', 2), rep('b', 3), rep('c', 1)];
    const state = runPicks(strategy, reps, 7).state;
    const forward = strategy.pick(candidatesOf(reps), reps, state);
    const backward = strategy.pick(candidatesOf([...reps].reverse()), [...reps].reverse(), state);
    expect(backward).toEqual(forward);
  });

  it('never gives a lead to a weight-0 rep while a rep with weight is eligible', () => {
    const { picks } = runPicks(strategy, [rep('a', 0), rep('b', 1), rep('c', 0)], 50);
    expect(new Set(picks)).toEqual(new Set(['b']));
  });

  it('lets weight-0 reps take turns when no eligible rep has weight, so the lead is not dropped', () => {
    const reps = [rep('a', 0), rep('b', 0)];
    const first = strategy.pick(candidatesOf(reps), reps, START);
    const second = strategy.pick(candidatesOf(reps), reps, first.state);
    expect([first.repId, second.repId]).toEqual(['a', 'b']);
    expect(first.scores[0].detail).toBe('every eligible rep has weight 0, so they take turns: 1st in rep id order');
  });

  it('freezes an ineligible rep’s credit and gives no backlog on return', () => {
    const reps = [rep('a'), rep('b'), rep('c')];
    const before = runPicks(strategy, reps, 4).state;
    const away = runPicks(strategy, reps, 90, before, () => [reps[0], reps[2]]);
    expect(away.state.credits?.b).toBe(before.credits?.b);
    expect(Math.abs(counts(away.picks).a - 45)).toBeLessThanOrEqual(1);

    const back = runPicks(strategy, reps, 30, away.state).picks;
    expect(longestRun(back, 'b')).toBe(1);
    expect(counts(back)).toEqual({ a: 10, b: 10, c: 10 });
  });

  it('applies a doubled weight from the next lead on, without a catch-up run', () => {
    const before = runPicks(strategy, [rep('a'), rep('b'), rep('c'), rep('d')], 101).state;
    const after = [rep('a', 2), rep('b'), rep('c'), rep('d')];
    const { picks } = runPicks(strategy, after, 100, before);
    expect(longestRun(picks, 'a')).toBeLessThanOrEqual(2);
    expect(counts(picks).a).toBeGreaterThanOrEqual(39);
    expect(counts(picks).a).toBeLessThanOrEqual(41);
  });

  it('gives a rep joining a running pool its share from then on, not every lead until caught up', () => {
    const before = runPicks(strategy, [rep('a'), rep('b'), rep('c')], 500).state;
    const { picks } = runPicks(strategy, [rep('a'), rep('b'), rep('c'), rep('d')], 40, before);
    expect(longestRun(picks, 'd')).toBe(1);
    expect(counts(picks).d).toBe(10);
  });

  it('gives a heavy rep joining beside just-served reps its share, not the leads of the reps who left', () => {
    const sixty = Array.from({ length: 60 }, (_, i) => rep(`r${String(i).padStart(2, '0')}`));
    const halfServed = runPicks(strategy, sixty, 30).state;
    const { picks } = runPicks(strategy, [...sixty.slice(0, 30), rep('new', 30)], 120, halfServed);
    expect(longestRun(picks, 'new')).toBe(2);
    expect(counts(picks).new).toBe(60);
  });

  it('forgets the credit of a rep who left the pool', () => {
    const before = runPicks(strategy, [rep('a'), rep('b'), rep('c')], 2).state;
    const after = strategy.pick(candidatesOf([rep('a'), rep('b')]), [rep('a'), rep('b')], before);
    expect(Object.keys(after.state.credits ?? {}).sort()).toEqual(['a', 'b']);
  });

  it('scores every eligible rep by the leads it is owed and says why the chosen one won', () => {
    const reps = [rep('a', 2), rep('b', 1), rep('z', 0), rep('c', 1)];
    const pick = strategy.pick(candidatesOf(reps), reps, START);
    expect(pick.repId).toBe('a');
    expect(pick.scores).toEqual([
      { repId: 'a', score: 0.5, detail: 'weight 2 of 4 (50%), owed 0.50 leads, due in 0.50 assignments, due soonest' },
      { repId: 'b', score: 0.25, detail: 'weight 1 of 4 (25%), owed 0.25 leads, due in 2.00 assignments' },
      { repId: 'c', score: 0.25, detail: 'weight 1 of 4 (25%), owed 0.25 leads, due in 2.00 assignments' },
      { repId: 'z', score: 0, detail: 'weight 0: no leads while an eligible rep has weight' },
    ]);
  });

  it('does not change the state it was given', () => {
    const state = { sequence: 3, lastRepId: 'a', credits: { a: -1, b: 1 } };
    strategy.pick(candidatesOf([rep('a'), rep('b')]), [rep('a'), rep('b')], state);
    expect(state).toEqual({ sequence: 3, lastRepId: 'a', credits: { a: -1, b: 1 } });
  });
});
