import { MAX_ATTEMPTS, MAX_RETRY_AFTER_MS, RETRY_STEPS, retryAfterMsOf, retryDelayMs } from './retry-schedule';

describe('retry schedule', () => {
  it('spreads ten attempts over about a day with the 5 s base', () => {
    const totalMs = RETRY_STEPS.reduce((sum, step) => sum + step * 5000, 0);
    expect(MAX_ATTEMPTS).toBe(10);
    expect(totalMs / 3_600_000).toBeGreaterThan(22);
    expect(totalMs / 3_600_000).toBeLessThan(25);
    expect(RETRY_STEPS.map((step) => step * 5)).toEqual([5, 30, 120, 600, 1800, 3600, 10800, 21600, 43200]);
  });

  it('waits up to the full step after each failed attempt (full jitter)', () => {
    expect(retryDelayMs(1, 5000, undefined, () => 0.999999)).toBe(4999);
    expect(retryDelayMs(2, 5000, undefined, () => 0.5)).toBe(15_000);
    expect(retryDelayMs(3, 5000, undefined, () => 0)).toBe(0);
  });

  it('scales with the base, so tests retry in milliseconds', () => {
    expect(retryDelayMs(9, 1, undefined, () => 0.5)).toBe(4320);
  });

  it('gives up after the last step', () => {
    expect(retryDelayMs(MAX_ATTEMPTS, 5000)).toBeUndefined();
  });

  it('never retries sooner than Retry-After asks', () => {
    expect(retryDelayMs(1, 5000, 60_000, () => 0.5)).toBe(60_000);
    expect(retryDelayMs(5, 5000, 1000, () => 0.5)).toBe(900_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = new Date('2026-12-06T20:00:00Z');
    expect(retryAfterMsOf('120', now)).toBe(120_000);
    expect(retryAfterMsOf('Sun, 06 Dec 2026 20:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMsOf('soon', now)).toBeUndefined();
    expect(retryAfterMsOf(undefined, now)).toBeUndefined();
  });

  it('honours Retry-After for a day at most', () => {
    expect(retryAfterMsOf(String(365 * 86_400), new Date())).toBe(MAX_RETRY_AFTER_MS);
  });
});
