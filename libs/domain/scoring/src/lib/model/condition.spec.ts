import { matchesCondition, resolvePath } from './condition';

describe('resolvePath', () => {
  const subject = { properties: { url: '/pricing', utm: { source: 'ads' } }, profile: {} };

  it('follows dotted paths through nested objects', () => {
    expect(resolvePath(subject, 'properties.utm.source')).toBe('ads');
  });

  it('returns undefined for missing segments and non-object hops', () => {
    expect(resolvePath(subject, 'properties.utm.medium')).toBeUndefined();
    expect(resolvePath(subject, 'properties.url.length')).toBeUndefined();
  });

  it('never resolves inherited properties such as constructor', () => {
    expect(resolvePath(subject, 'properties.constructor')).toBeUndefined();
  });
});

describe('matchesCondition', () => {
  it('equals compares strings ignoring case and other scalars strictly', () => {
    expect(matchesCondition('Software', { op: 'equals', value: 'software' })).toBe(true);
    expect(matchesCondition(5, { op: 'equals', value: 5 })).toBe(true);
    expect(matchesCondition('5', { op: 'equals', value: 5 })).toBe(false);
    expect(matchesCondition(true, { op: 'equals', value: true })).toBe(true);
  });

  it('in matches any listed value', () => {
    expect(matchesCondition('GMAIL.com', { op: 'in', values: ['yahoo.com', 'gmail.com'] })).toBe(true);
    expect(matchesCondition('acme.com', { op: 'in', values: ['yahoo.com', 'gmail.com'] })).toBe(false);
  });

  it('range is inclusive at both ends and open when a bound is missing', () => {
    const range = { op: 'range', min: 50, max: 1000 } as const;
    expect([49, 50, 1000, 1001].map((value) => matchesCondition(value, range))).toEqual([false, true, true, false]);
    expect(matchesCondition(10_000, { op: 'range', min: 1001 })).toBe(true);
    expect(matchesCondition('200', range)).toBe(false);
  });

  it('matches tests a case-insensitive regular expression on strings only', () => {
    expect(matchesCondition('https://x.io/Pricing?plan=pro', { op: 'matches', pattern: '/pricing' })).toBe(true);
    expect(matchesCondition(42, { op: 'matches', pattern: '4' })).toBe(false);
  });

  it('exists holds for any present non-null value', () => {
    expect(matchesCondition('', { op: 'exists' })).toBe(true);
    expect(matchesCondition(0, { op: 'exists' })).toBe(true);
    expect(matchesCondition(null, { op: 'exists' })).toBe(false);
    expect(matchesCondition(undefined, { op: 'exists' })).toBe(false);
  });

  it('holds for a list when any element satisfies the condition', () => {
    expect(matchesCondition(['docs', 'pricing'], { op: 'equals', value: 'pricing' })).toBe(true);
    expect(matchesCondition(['docs', 'blog'], { op: 'in', values: ['pricing'] })).toBe(false);
  });
});
