import { backoffDelayMs, DEFAULT_BACKOFF } from './backoff';

const noJitter = () => 0;
const fullJitter = () => 1;

describe('backoffDelayMs', () => {
  it('starts at the initial delay and doubles with each attempt', () => {
    const delays = [1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, DEFAULT_BACKOFF, noJitter));
    expect(delays).toEqual([200, 400, 800, 1600]);
  });

  it('never exceeds the maximum delay, however many attempts failed', () => {
    expect(backoffDelayMs(10, DEFAULT_BACKOFF, noJitter)).toBe(10_000);
    expect(backoffDelayMs(1_000, DEFAULT_BACKOFF, noJitter)).toBe(10_000);
  });

  it('shortens a delay by at most the jitter fraction', () => {
    expect(backoffDelayMs(1, DEFAULT_BACKOFF, fullJitter)).toBe(160);
    expect(backoffDelayMs(50, DEFAULT_BACKOFF, fullJitter)).toBe(8_000);
  });

  it('treats an out-of-range jitter as the nearest valid fraction', () => {
    expect(backoffDelayMs(1, { initialMs: 100, maxMs: 1_000, jitter: 3 }, () => 0.5)).toBe(50);
    expect(backoffDelayMs(1, { initialMs: 100, maxMs: 1_000, jitter: -1 }, () => 0.5)).toBe(100);
  });
});
