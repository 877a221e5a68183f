import type { PhaseResult } from '@handoff/testing';

export interface ScenarioStats {
  name: string;
  requestsPerSecond: number;
  offeredEventsPerSecond: number;
  acceptedEventsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** "none", or e.g. "503×12 ECONNRESET×1". */
  errors: string;
  /** CPU the process doing the work used while measured (ingest: the app; baseline: the producer's process). */
  cpuPercentOfOneCore?: number;
  cpuMsPerThousandEvents?: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank];
}

export function statsOf(
  name: string,
  requestsPerSecond: number,
  result: PhaseResult,
  cpuSeconds?: number,
): ScenarioStats {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  const errors = [...result.failures]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([failure, count]) => `${failure}×${count}`)
    .join(' ');
  return {
    name,
    requestsPerSecond,
    offeredEventsPerSecond: result.offeredEventsPerSecond,
    acceptedEventsPerSecond: result.acceptedEvents / result.elapsedSeconds,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    errors: errors || 'none',
    ...(cpuSeconds === undefined
      ? {}
      : {
          cpuPercentOfOneCore: (100 * cpuSeconds) / result.elapsedSeconds,
          cpuMsPerThousandEvents: result.acceptedEvents > 0 ? (cpuSeconds * 1e6) / result.acceptedEvents : Number.NaN,
        }),
  };
}
