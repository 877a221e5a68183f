import { FLAT_RECORD_LIMITS, flatRecordProblem } from './is-flat-record.validator';

const manyKeys = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, i]));

describe('flatRecordProblem', () => {
  it.each([
    ['an empty record', {}],
    ['scalars of every kind', { plan: 'pro', seats: 12, trial: false, coupon: null }],
    ['lists of scalars', { tags: ['a', 1, true, null] }],
    ['one level of grouping', { utm: { source: 'newsletter', ids: [1, 2] } }],
    ['the maximum number of keys', manyKeys(FLAT_RECORD_LIMITS.maxKeys)],
  ])('accepts %s', (_description, value) => {
    expect(flatRecordProblem('properties', value)).toBeUndefined();
  });

  it.each([
    ['a list instead of a record', ['a'], /^properties must be an object of named values$/],
    ['null instead of a record', null, /^properties must be an object of named values$/],
    ['too many keys', manyKeys(FLAT_RECORD_LIMITS.maxKeys + 1), /^properties must have at most 100 keys$/],
    ['an overlong key', { ['k'.repeat(129)]: 1 }, /^properties keys must be 1-128 characters long$/],
    ['an empty key', { '': 1 }, /^properties keys must be 1-128 characters long$/],
    ['an overlong string', { note: 'x'.repeat(2049) }, /^properties\.note must be a string of at most 2048 characters/],
    ['a number that is not finite', { ratio: Number.NaN }, /^properties\.ratio must be a string of at most 2048/],
    [
      'an overlong list',
      { ids: Array.from({ length: 101 }, (_, i) => i) },
      /^properties\.ids must have at most 100 items$/,
    ],
    ['a list of objects', { items: [{ sku: 'a' }] }, /^properties\.items items must each be a string/],
    [
      'grouping nested two levels',
      { utm: { source: { name: 'x' } } },
      /^properties\.utm\.source must be .* or a list of those$/,
    ],
  ])('rejects %s, naming the offending key', (_description, value, reason) => {
    expect(flatRecordProblem('properties', value)).toMatch(reason);
  });
});
