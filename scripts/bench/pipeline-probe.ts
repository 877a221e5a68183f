import { performance } from 'node:perf_hooks';
import { Topics } from '@handoff/contracts';
import { build, type Histogram } from 'hdr-histogram-js';
import type { Arrival } from './arrival-reader';

/** Latencies are recorded in microseconds, to 3 significant digits. */
const US_PER_MS = 1000;

export interface LatencyFigures {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Which step a request belongs to, and when ingest answered it (the events' acceptance). */
interface Request {
  step: number;
  acceptedAt?: number;
}

/**
 * Times each request's events to their first lead.scored.v1 (per lead) and lead.routed.v1 (per lead), matched by
 * the request's correlation id, which every event derived from it carries. An output can arrive before the
 * client has read the HTTP answer; it is then held until the answer and timed as zero.
 */
export class PipelineProbe {
  private readonly requests = new Map<string, Request>();
  private readonly held = new Map<string, Arrival[]>();
  private readonly seen = new Set<string>();
  private readonly histograms = new Map<string, Histogram>();

  sending(correlationId: string, step: number): void {
    this.requests.set(correlationId, { step });
  }

  answered(correlationId: string): void {
    const request = this.requests.get(correlationId);
    if (!request) return;
    request.acceptedAt = performance.now();
    for (const arrival of this.held.get(correlationId) ?? []) this.arrived(arrival);
    this.held.delete(correlationId);
  }

  arrived(arrival: Arrival): void {
    const { correlationId, leadId } = arrival.value as { correlationId?: string; leadId?: string };
    const request = correlationId === undefined ? undefined : this.requests.get(correlationId);
    if (!request || !correlationId || !leadId) return;
    if (request.acceptedAt === undefined) {
      this.held.set(correlationId, [...(this.held.get(correlationId) ?? []), arrival]);
      return;
    }
    const kind = arrival.topic === Topics.leadRouted.name ? 'routed' : 'scored';
    const key = `${kind}|${kind === 'routed' ? '' : correlationId}|${leadId}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const latencyUs = Math.max(0, Math.round((arrival.receivedAt - request.acceptedAt) * US_PER_MS));
    this.histogram(request.step, kind).recordValue(latencyUs);
  }

  figures(step: number, kind: 'scored' | 'routed'): LatencyFigures {
    const histogram = this.histogram(step, kind);
    const at = (percentile: number) =>
      histogram.totalCount === 0
        ? Number.NaN
        : Math.min(histogram.getValueAtPercentile(percentile), histogram.maxValue) / US_PER_MS;
    return {
      count: histogram.totalCount,
      p50Ms: at(50),
      p95Ms: at(95),
      p99Ms: at(99),
      maxMs: histogram.totalCount === 0 ? Number.NaN : histogram.maxValue / US_PER_MS,
    };
  }

  private histogram(step: number, kind: string): Histogram {
    const key = `${step}|${kind}`;
    let histogram = this.histograms.get(key);
    if (!histogram) {
      histogram = build({ numberOfSignificantValueDigits: 3, useWebAssembly: false });
      this.histograms.set(key, histogram);
    }
    return histogram;
  }
}
