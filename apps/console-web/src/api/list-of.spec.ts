import { listOf } from './list-of';

describe('listOf', () => {
  it('takes a bare array as it is', () => {
    expect(listOf([{ id: 'a' }], 'teams')).toEqual([{ id: 'a' }]);
  });

  it('takes the named list out of a wrapper', () => {
    expect(listOf({ teams: [{ id: 'a' }], other: 1 }, 'teams')).toEqual([{ id: 'a' }]);
  });

  it('answers no items for a body without the list', () => {
    expect(listOf({ leads: 3 }, 'leads')).toEqual([]);
    expect(listOf(undefined, 'leads')).toEqual([]);
  });
});
