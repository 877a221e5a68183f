const HOUR_MS = 60 * 60 * 1000;

/** One point per scrape for this long, and hourly sums for this many hours. */
export const RECENT_WINDOW_MS = HOUR_MS;
export const HOURS_KEPT = 24;

/**
 * How much a counter grew between two scrapes, over its series (label sets): a series that went down was reset
 * (its process restarted) and grew by its whole new value; a new series grew by its whole value.
 */
export function increaseOf(before: ReadonlyMap<string, number>, now: ReadonlyMap<string, number>): number {
  let increase = 0;
  for (const [series, value] of now) {
    const previous = before.get(series);
    increase += previous === undefined || value < previous ? value : value - previous;
  }
  return increase;
}

export interface RatePoint {
  t: number;
  perSecond: number;
}

/**
 * A counter's recent history, kept bounded: its rate at each scrape over the last hour, and its increase in each
 * of the last 24 hours. The first scrape only sets the baseline: what was counted before it is not in any hour.
 */
export class CounterTrack {
  private last?: { t: number; series: ReadonlyMap<string, number> };
  private readonly recent: RatePoint[] = [];
  private readonly hourly = new Map<number, number>();

  observe(t: number, series: ReadonlyMap<string, number>): void {
    const last = this.last;
    this.last = { t, series };
    if (!last || t <= last.t) return;
    const increase = increaseOf(last.series, series);
    this.recent.push({ t, perSecond: increase / ((t - last.t) / 1000) });
    const hour = Math.floor(t / HOUR_MS) * HOUR_MS;
    this.hourly.set(hour, (this.hourly.get(hour) ?? 0) + increase);
    this.prune(t);
  }

  /** The rate at each scrape since `from`, oldest first. */
  ratesSince(from: number): RatePoint[] {
    return this.recent.filter((point) => point.t >= from);
  }

  /** The increase in each of the last 24 hours up to the one holding `now`, oldest first (0 for none). */
  hourlyIncreases(now: number): { t: number; value: number }[] {
    const current = Math.floor(now / HOUR_MS) * HOUR_MS;
    return Array.from({ length: HOURS_KEPT }, (_, index) => {
      const t = current - (HOURS_KEPT - 1 - index) * HOUR_MS;
      return { t, value: this.hourly.get(t) ?? 0 };
    });
  }

  private prune(now: number): void {
    const firstKept = this.recent.findIndex((point) => point.t >= now - RECENT_WINDOW_MS);
    this.recent.splice(0, firstKept === -1 ? this.recent.length : firstKept);
    const oldestHour = Math.floor(now / HOUR_MS) * HOUR_MS - (HOURS_KEPT - 1) * HOUR_MS;
    for (const hour of this.hourly.keys()) if (hour < oldestHour) this.hourly.delete(hour);
  }
}
