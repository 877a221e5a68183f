export interface HistogramBucket {
  /** Inclusive lower bound. */
  from: number;
  /** Exclusive upper bound. */
  to: number;
  count: number;
}

/**
 * Fixed-width buckets aligned on multiples of `bucketSize`, covering `range` even where empty, so two
 * models' distributions computed over the same range line up bucket for bucket.
 */
export function histogram(
  values: readonly number[],
  bucketSize: number,
  range: { min: number; max: number },
): HistogramBucket[] {
  if (values.length === 0) return [];
  const first = Math.floor(range.min / bucketSize);
  const last = Math.floor(range.max / bucketSize);
  const buckets = Array.from({ length: last - first + 1 }, (_, index) => ({
    from: (first + index) * bucketSize,
    to: (first + index + 1) * bucketSize,
    count: 0,
  }));
  for (const value of values) buckets[Math.floor(value / bucketSize) - first].count += 1;
  return buckets;
}
