/**
 * The retry schedule in multiples of DELIVERY_RETRY_BASE_MS: with the 5 s default 5 s, 30 s, 2 min, 10 min,
 * 30 min, 1 h, 3 h, 6 h and 12 h, about 24 h in all. Attempt n waits a random time up to step n ("full jitter"),
 * so endpoints that failed together do not all retry together. Not platform-kafka's backoffDelayMs: that doubles
 * toward a cap for in-process retries, while webhook receivers are promised this published table (README).
 */
export const RETRY_STEPS = [1, 6, 24, 120, 360, 720, 2160, 4320, 8640] as const;

/** Attempts a delivery gets: the first one and one per step; after the last it is dead. */
export const MAX_ATTEMPTS = RETRY_STEPS.length + 1;

/**
 * How long to wait after failed attempt number `attempts` (1 = the first), or undefined when the schedule is
 * exhausted. `retryAfterMs` (an endpoint's Retry-After) is a floor: the endpoint said when it can take more.
 */
export function retryDelayMs(
  attempts: number,
  baseMs: number,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number | undefined {
  const step = RETRY_STEPS[attempts - 1];
  if (step === undefined) return undefined;
  const jittered = Math.floor(random() * step * baseMs);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** The longest Retry-After honoured: an endpoint cannot park a delivery for longer than the whole schedule. */
export const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/** Retry-After as seconds or an HTTP date, in milliseconds from `now` (at most a day); undefined when unreadable. */
export function retryAfterMsOf(header: string | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  const at = /^\d+$/.test(trimmed) ? now.getTime() + Number(trimmed) * 1000 : Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, at - now.getTime()));
}
