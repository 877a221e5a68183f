/**
 * Calls `renew` every `everyMs` until `work` settles, and settles as `work` does. A renewal that fails is
 * only skipped: the next tick tries again, and the work's outcome is never changed by a renewal.
 */
export function renewWhile<T>(work: Promise<T>, renew: () => Promise<unknown>, everyMs: number): Promise<T> {
  const timer = setInterval(() => void renew().catch(() => undefined), everyMs);
  timer.unref();
  return work.finally(() => clearInterval(timer));
}
