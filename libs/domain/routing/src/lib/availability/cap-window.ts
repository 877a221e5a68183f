import type { RepProfile } from '../directory.types';
import { localTime } from './local-time';

const ROLLING_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

export interface CapWindow {
  /** The rep's local midnight of `now`: assignments since then count against the daily cap. */
  dayStart: string;
  /** `now` − 30 days: assignments since then count against the rolling cap. */
  rolling30Start: string;
}

export function capWindowOf(rep: RepProfile, now: string): CapWindow {
  return {
    dayStart: new Date(localTime(now, rep).startOf('day').toMillis()).toISOString(),
    rolling30Start: new Date(Date.parse(now) - ROLLING_WINDOW_MS).toISOString(),
  };
}
