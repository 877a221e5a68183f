import { depthIssue, MAX_EVENT_DEPTH } from './event-depth';

/** `{ a: { a: … } }` with `levels` objects. */
function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level++) value = { a: value };
  return value;
}

describe('depthIssue', () => {
  it('accepts an event nested exactly to the limit', () => {
    expect(depthIssue({ properties: nested(MAX_EVENT_DEPTH - 1) })).toBeUndefined();
  });

  it('names the top-level field that nests past the limit', () => {
    expect(depthIssue({ type: 'track', properties: nested(MAX_EVENT_DEPTH) })).toEqual({
      field: 'properties',
      reasons: [`properties nests deeper than ${MAX_EVENT_DEPTH} levels, the limit`],
    });
  });

  it('walks 100,000 levels of arrays without overflowing the stack', () => {
    let value: unknown = [];
    for (let level = 0; level < 100_000; level++) value = [value];

    expect(depthIssue(value)?.field).toBe('0');
  });

  it('has nothing to say about scalars', () => {
    expect(depthIssue('text')).toBeUndefined();
    expect(depthIssue(null)).toBeUndefined();
  });
});
