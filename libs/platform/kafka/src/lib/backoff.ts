export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  /** Fraction (0..1) of each delay that is randomised so failing consumers do not retry in lockstep. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  initialMs: 200,
  maxMs: 10_000,
  jitter: 0.2,
};

/**
 * Delay before retry number `attempt` (1-based): doubles from `initialMs`, capped at `maxMs`,
 * then shortened by up to `jitter` of itself so the cap is never exceeded.
 */
export function backoffDelayMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const base = Math.min(policy.maxMs, policy.initialMs * 2 ** exponent);
  const jitter = Math.min(1, Math.max(0, policy.jitter));
  return Math.round(base * (1 - jitter * random()));
}
