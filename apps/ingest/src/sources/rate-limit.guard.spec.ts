import { eventCountOf } from './rate-limit.guard';

describe('eventCountOf', () => {
  it.each<[string, unknown, number]>([
    ['a single event object', { type: 'track', event: 'Signed Up' }, 1],
    ['a Segment batch', { batch: [{}, {}, {}] }, 3],
    ['a JSON array of events', [{}, {}], 2],
    ['an empty batch, which still costs a request', { batch: [] }, 1],
    ['an empty array', [], 1],
    ['a batch field that is not an array', { batch: 'x' }, 1],
    ['no body', undefined, 1],
    ['a null body', null, 1],
  ])('counts %s as %i', (_case, body, count) => {
    expect(eventCountOf(body)).toBe(count);
  });
});
