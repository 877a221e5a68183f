import fc from 'fast-check';
import { CounterTrack, HOURS_KEPT, increaseOf } from './counter-track';

const HOUR = 3_600_000;
const series = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('increaseOf', () => {
  it('counts the growth of each series, a reset series by its whole new value, and a new series whole', () => {
    const before = series({ a: 10, b: 50 });
    const now = series({ a: 14, b: 3, c: 2 });

    expect(increaseOf(before, now)).toBe(4 + 3 + 2);
  });

  it('sums to the true growth of a counter, whatever its resets, when each reset is seen below its old value', () => {
    const step = fc.record({ reset: fc.boolean(), grows: fc.nat(1_000) });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 50 }), (steps) => {
        let value = 0;
        let previous = series({ x: 0 });
        let counted = 0;
        let grown = 0;
        for (const { reset, grows } of steps) {
          // A restarted counter that overtook its old value before the next scrape looks like growth: unknowable.
          const growth = reset ? grows % Math.max(value, 1) : grows;
          value = (reset ? 0 : value) + growth;
          grown += growth;
          const now = series({ x: value });
          counted += increaseOf(previous, now);
          previous = now;
        }
        expect(counted).toBe(grown);
      }),
    );
  });

  it('is never negative', () => {
    const counters = fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.nat(1_000_000));
    fc.assert(
      fc.property(counters, counters, (before, now) => {
        expect(increaseOf(series(before), series(now))).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('CounterTrack', () => {
  const start = Date.UTC(2026, 0, 1, 10, 0, 0);

  it('takes its first scrape as the baseline and rates each later scrape per second', () => {
    const track = new CounterTrack();
    track.observe(start, series({ x: 1_000 }));
    track.observe(start + 5_000, series({ x: 1_050 }));
    track.observe(start + 10_000, series({ x: 20 }));

    expect(track.ratesSince(start)).toEqual([
      { t: start + 5_000, perSecond: 10 },
      { t: start + 10_000, perSecond: 4 },
    ]);
  });

  it('sums increases per hour over the last 24, oldest first, with 0 for hours without any', () => {
    const track = new CounterTrack();
    track.observe(start, series({ x: 0 }));
    track.observe(start + 10 * 60_000, series({ x: 3 }));
    track.observe(start + HOUR + 60_000, series({ x: 10 }));

    const hours = track.hourlyIncreases(start + HOUR + 60_000);

    expect(hours).toHaveLength(HOURS_KEPT);
    expect(hours.slice(-2)).toEqual([
      { t: start, value: 3 },
      { t: start + HOUR, value: 7 },
    ]);
    expect(hours.slice(0, -2).every(({ value }) => value === 0)).toBe(true);
  });

  it('keeps only the last hour of rates and the last 24 hours of sums', () => {
    const track = new CounterTrack();
    for (let minute = 0; minute <= 26 * 60; minute += 10) track.observe(start + minute * 60_000, series({ x: minute }));
    const now = start + 26 * HOUR;

    expect(track.ratesSince(0).every(({ t }) => t >= now - HOUR)).toBe(true);
    expect(track.hourlyIncreases(now)[0]).toEqual({ t: start + 3 * HOUR, value: 60 });
  });
});
