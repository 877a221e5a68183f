/** A point in time as callers hold it: ISO 8601 text, epoch milliseconds or a Date. Nothing here reads the clock. */
export type Instant = string | number | Date;

export const DAY_MS = 86_400_000;

export function toMillis(instant: Instant): number {
  const ms =
    typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`not a valid instant: ${String(instant)}`);
  return ms;
}

/** Canonical ISO form, so equal instants stored in state compare and sort as equal strings. */
export function toIso(instant: Instant): string {
  return new Date(toMillis(instant)).toISOString();
}
