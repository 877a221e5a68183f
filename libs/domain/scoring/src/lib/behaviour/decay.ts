import type { Contribution } from '../state/lead-state';
import { DAY_MS, toMillis } from '../time';

/** 0.5^(elapsed / half-life): exact continuous decay, so a score read at any time needs no batch job. */
export function decayFactor(elapsedMs: number, halfLifeDays: number | null): number {
  if (halfLifeDays === null || elapsedMs <= 0) return 1;
  return 0.5 ** (elapsedMs / (halfLifeDays * DAY_MS));
}

export function decayedPoints(contribution: Contribution, atMs: number): number {
  return contribution.awarded * decayFactor(atMs - toMillis(contribution.occurredAt), contribution.halfLifeDays);
}
