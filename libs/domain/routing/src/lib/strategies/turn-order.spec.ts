import { DomainError } from '@handoff/shared-errors';
import { candidatesOf, rep } from './strategy-fixtures';
import { sortedCandidates, turnLabel, turnPositions } from './turn-order';

const positionsOf = (ids: string[], last?: string) => Object.fromEntries(turnPositions(ids, last));

describe('turnPositions', () => {
  it('starts with the first rep id after the last one served and wraps around', () => {
    expect(positionsOf(['c', 'a', 'd', 'b'], 'b')).toEqual({ c: 1, d: 2, a: 3, b: 4 });
  });

  it('starts after the last rep even when that rep is no longer among the candidates', () => {
    expect(positionsOf(['a', 'd'], 'b')).toEqual({ d: 1, a: 2 });
    expect(positionsOf(['a', 'b'], 'z')).toEqual({ a: 1, b: 2 });
  });

  it('follows plain rep id order on a pool’s first turn', () => {
    expect(positionsOf(['b', 'a', 'c'])).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('orders ids by code unit, independent of locale (upper case before lower case)', () => {
    expect(positionsOf(['a', 'B', 'b'])).toEqual({ B: 1, a: 2, b: 3 });
  });
});

describe('turnLabel', () => {
  it.each([
    [1, 'rep-b', 'next in turn after rep-b'],
    [2, 'rep-b', '2nd in turn after rep-b'],
    [3, 'rep-b', '3rd in turn after rep-b'],
    [4, 'rep-b', '4th in turn after rep-b'],
    [11, 'rep-b', '11th in turn after rep-b'],
    [12, 'rep-b', '12th in turn after rep-b'],
    [13, 'rep-b', '13th in turn after rep-b'],
    [21, 'rep-b', '21st in turn after rep-b'],
    [112, 'rep-b', '112th in turn after rep-b'],
    [1, undefined, '1st in rep id order'],
  ])('describes position %i after %s as "%s"', (position, last, label) => {
    expect(turnLabel(position, last)).toBe(label);
  });
});

describe('sortedCandidates', () => {
  it('sorts candidates by rep id', () => {
    expect(sortedCandidates(candidatesOf([rep('b'), rep('a')])).map((c) => c.rep.id)).toEqual(['a', 'b']);
  });

  it('refuses an empty candidate list with an invalid domain error', () => {
    expect(() => sortedCandidates([])).toThrow(DomainError);
    expect(() => sortedCandidates([])).toThrow(/at least one eligible candidate/);
  });
});
