import { toIso, toMillis } from './time';

describe('time', () => {
  it('reads ISO text, epoch milliseconds and Dates as the same instant', () => {
    const iso = '2026-03-01T12:00:00.000Z';
    const ms = Date.parse(iso);
    expect([iso, ms, new Date(iso)].map((instant) => toMillis(instant))).toEqual([ms, ms, ms]);
  });

  it('normalises ISO text with an offset to UTC', () => {
    expect(toIso('2026-03-01T13:00:00+01:00')).toBe('2026-03-01T12:00:00.000Z');
  });

  it('rejects text that is not a time', () => {
    expect(() => toMillis('yesterday')).toThrow(new RangeError('not a valid instant: yesterday'));
  });
});
