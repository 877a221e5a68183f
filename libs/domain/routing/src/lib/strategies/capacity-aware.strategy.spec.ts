import { CapacityAwareStrategy } from './capacity-aware.strategy';
import type { StrategyCandidate } from './selection-strategy';
import { SmoothWeightedRoundRobinStrategy } from './smooth-weighted-round-robin.strategy';
import { START, capacity, rep, runPicks } from './strategy-fixtures';
import type { RepCapacity } from '../directory.types';

const strategy = new CapacityAwareStrategy();
const members = ['a', 'b', 'c'].map((id) => rep(id));
const withFigures = (figures: Record<string, Partial<RepCapacity> | undefined>): StrategyCandidate[] =>
  Object.entries(figures).map(([id, f]) => ({
    rep: rep(id),
    ...(f === undefined ? {} : { capacity: capacity(id, f) }),
  }));

describe('CapacityAwareStrategy', () => {
  it('gives the lead to the rep with the most remaining capacity', () => {
    const pick = strategy.pick(
      withFigures({
        a: { remainingLeadCapacity: 3 },
        b: { remainingLeadCapacity: 9 },
        c: { remainingLeadCapacity: 5 },
      }),
      members,
      START,
    );
    expect(pick.repId).toBe('b');
  });

  it('breaks equal capacity by the largest pace gap, then by the lowest attainment', () => {
    const behind = withFigures({ a: { paceGap: 100 }, b: { paceGap: 2500 }, c: { paceGap: -300 } });
    expect(strategy.pick(behind, members, START).repId).toBe('b');
    const attained = withFigures({
      a: { attainmentRatio: 0.9 },
      b: { attainmentRatio: 0.7 },
      c: { attainmentRatio: 0.2 },
    });
    expect(strategy.pick(attained, members, START).repId).toBe('c');
  });

  it('lets reps with identical figures alternate by round-robin turn', () => {
    const same = withFigures({ a: {}, b: {}, c: undefined });
    const picks: string[] = [];
    let state = START;
    for (let step = 0; step < 4; step++) {
      const pick = strategy.pick(same, members, state);
      picks.push(pick.repId);
      state = pick.state;
    }
    expect(picks).toEqual(['a', 'b', 'a', 'b']);
  });

  it('passes over reps without figures, with no capacity left or marked unavailable while another rep has capacity', () => {
    const pick = strategy.pick(
      withFigures({
        a: undefined,
        b: { remainingLeadCapacity: 0 },
        c: { remainingLeadCapacity: 1, paceGap: -50, attainmentRatio: 1.125 },
        d: { remainingLeadCapacity: 40, available: false },
      }),
      members,
      START,
    );
    expect(pick).toEqual({
      repId: 'c',
      state: { sequence: 1, lastRepId: 'c' },
      scores: [
        {
          repId: 'a',
          score: 0,
          detail: 'no capacity figures from quota, so only used when no eligible rep has capacity left',
        },
        { repId: 'b', score: 0, detail: 'no capacity left (0 leads)' },
        {
          repId: 'c',
          score: 1,
          detail: '1 lead of capacity left, 50 ahead of pace, 112.5% of quota attained, 1st in rep id order',
        },
        { repId: 'd', score: 40, detail: 'quota reports the rep unavailable' },
      ],
    });
  });

  it('falls back to weighted round robin over every eligible rep when nobody has capacity left on record', () => {
    const reps = [rep('a', 3), rep('b', 1), rep('c', 1)];
    const candidates = [
      { rep: reps[0] },
      { rep: reps[1], capacity: capacity('b', { remainingLeadCapacity: 0 }) },
      { rep: reps[2] },
    ];
    const pick = strategy.pick(candidates, reps, START);
    const weighted = new SmoothWeightedRoundRobinStrategy().pick(candidates, reps, START);
    expect(pick.repId).toBe(weighted.repId);
    expect(pick.state).toEqual(weighted.state);
    expect(pick.scores[0].detail).toBe(`no eligible rep has capacity left, weighted: ${weighted.scores[0].detail}`);
  });

  it('leaves the weighted credits alone on capacity picks, so fallbacks continue one weighted sequence', () => {
    const reps = [rep('a', 2), rep('b', 1), rep('c', 1)];
    const bare = reps.map((r) => ({ rep: r }));
    const ranked = reps.map((r) => ({ rep: r, capacity: capacity(r.id) }));
    let state = START;
    const fallbacks: string[] = [];
    for (let step = 0; step < 40; step++) {
      const pick = strategy.pick(step % 3 === 0 ? ranked : bare, reps, state);
      if (step % 3 === 0) expect(pick.state.credits).toEqual(state.credits);
      else fallbacks.push(pick.repId);
      state = pick.state;
    }
    expect(fallbacks).toEqual(runPicks(new SmoothWeightedRoundRobinStrategy(), reps, fallbacks.length).picks);
    expect(state.sequence).toBe(40);
  });
});
