import { PAYLOAD_STRUCTURE_LIMITS, payloadStructureProblem, textProblem } from './payload-structure';

const nested = (levels: number): unknown => {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level += 1) value = { a: value };
  return value;
};

describe('textProblem', () => {
  it.each([
    ['plain text', 'pricing page'],
    ['an emoji (a surrogate pair)', 'launch 🚀'],
    ['other control characters', 'tab\tand\u0001'],
    ['the replacement character', '\ufffd'],
  ])('accepts %s', (_description, text) => {
    expect(textProblem(text)).toBeUndefined();
  });

  it.each([
    ['a NUL', 'a\u0000b', /NUL character \(U\+0000\)/],
    ['a lone high surrogate', 'a\ud83d', /lone UTF-16 surrogate/],
    ['a lone low surrogate', '\ude80b', /lone UTF-16 surrogate/],
    ['a pair in the wrong order', '\ude80\ud83d', /lone UTF-16 surrogate/],
  ])('rejects %s', (_description, text, reason) => {
    expect(textProblem(text)).toMatch(reason);
  });
});

describe('payloadStructureProblem', () => {
  it('accepts a payload nested exactly to the limit', () => {
    expect(payloadStructureProblem(nested(PAYLOAD_STRUCTURE_LIMITS.maxDepth), '(body)')).toBeUndefined();
  });

  it('names the first container beyond the limit', () => {
    const issue = payloadStructureProblem(nested(PAYLOAD_STRUCTURE_LIMITS.maxDepth + 1), '(body)');

    expect(issue?.field.split('.')).toHaveLength(PAYLOAD_STRUCTURE_LIMITS.maxDepth);
    expect(issue?.reasons).toEqual([expect.stringMatching(/nests deeper than 16 levels of objects and arrays$/)]);
  });

  it('walks a payload a million levels deep without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`);

    expect(payloadStructureProblem({ deep }, '(body)')?.reasons[0]).toMatch(/nests deeper than/);
  });

  it('names array items by index', () => {
    expect(payloadStructureProblem({ tags: ['ok', 'x\u0000'] }, '(body)')).toEqual({
      field: 'tags.1',
      reasons: ['tags.1 must not contain the NUL character (U+0000)'],
    });
  });

  it('reports the first problem in document order', () => {
    expect(payloadStructureProblem({ a: { b: '\u0000' }, c: '\u0000' }, '(body)')?.field).toBe('a.b');
  });

  it('names the object whose key is broken, without quoting the key', () => {
    const issue = payloadStructureProblem({ properties: { 'ada@example.com\u0000': 1 } }, '(body)');

    expect(issue).toEqual({
      field: 'properties',
      reasons: ['keys of properties must not contain the NUL character (U+0000)'],
    });
  });

  it('names the payload itself for a problem in its own keys', () => {
    expect(payloadStructureProblem({ '\ud800': 1 }, '(body)')?.field).toBe('(body)');
  });

  it('rejects a prototype key created by JSON.parse as an own property', () => {
    const raw = JSON.parse('{"properties":{"__proto__":{"isAdmin":true}}}');

    expect(payloadStructureProblem(raw, '(body)')).toEqual({
      field: 'properties.__proto__',
      reasons: ['__proto__ is a reserved key (__proto__, constructor and prototype are rejected in every object)'],
    });
  });

  it('places a problem under the root path it is given', () => {
    expect(payloadStructureProblem({ leadId: '\u0000' }, '(key)', '(key)')?.field).toBe('(key).leadId');
  });
});
