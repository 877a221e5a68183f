import { build, type Histogram } from 'hdr-histogram-js';

/** Latencies are recorded in microseconds, to 3 significant digits. */
const US_PER_MS = 1000;

export interface PhaseFigures {
  records: number;
  /** From the first record handed to the producer to the last output record received. */
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * One measured phase: when each input record was published, when its output record arrived. Only the first
 * output per input counts towards latency; how many outputs each input got is counted separately.
 */
export class PhaseLatency {
  private readonly sentAt = new Map<string, number>();
  private readonly histogram: Histogram = build({ numberOfSignificantValueDigits: 3, useWebAssembly: false });
  private arrived = 0;
  private firstSentAt = Number.POSITIVE_INFINITY;
  private lastArrivedAt = 0;

  constructor(readonly expected: number) {}

  sent(id: string, at: number): void {
    this.sentAt.set(id, at);
    this.firstSentAt = Math.min(this.firstSentAt, at);
  }

  /** Records the arrival of `id`'s output; false when `id` is not one of this phase's inputs (or came before). */
  arrivedOf(id: string, at: number): boolean {
    const sentAt = this.sentAt.get(id);
    if (sentAt === undefined) return false;
    this.sentAt.delete(id);
    this.arrived++;
    this.lastArrivedAt = Math.max(this.lastArrivedAt, at);
    this.histogram.recordValue(Math.max(0, Math.round((at - sentAt) * US_PER_MS)));
    return true;
  }

  get complete(): boolean {
    return this.arrived >= this.expected;
  }

  get progress(): string {
    return `${this.arrived}/${this.expected}`;
  }

  figures(): PhaseFigures {
    const seconds = (this.lastArrivedAt - this.firstSentAt) / 1000;
    // A percentile is reported as its bucket's highest value; never above the exact max.
    const at = (percentile: number) =>
      Math.min(this.histogram.getValueAtPercentile(percentile), this.histogram.maxValue) / US_PER_MS;
    return {
      records: this.arrived,
      seconds,
      perSecond: this.arrived / seconds,
      p50Ms: at(50),
      p90Ms: at(90),
      p99Ms: at(99),
      maxMs: this.histogram.maxValue / US_PER_MS,
    };
  }
}

/** How many output records each input got over the whole run: exactly-once means one each. */
export class DeliveryCounts {
  private readonly counts = new Map<string, number>();
  /** Outputs whose input the bench did not publish (another publisher's qualification, routed by this app). */
  foreign = 0;

  add(id: string, known: boolean): void {
    if (!known) return void this.foreign++;
    this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
  }

  /** Of `ids`: how many got exactly one output, none, or more than one. */
  tally(ids: readonly string[]): { once: number; missing: number; duplicated: number; records: number } {
    let [once, missing, duplicated, records] = [0, 0, 0, 0];
    for (const id of ids) {
      const count = this.counts.get(id) ?? 0;
      records += count;
      if (count === 0) missing++;
      else if (count === 1) once++;
      else duplicated++;
    }
    return { once, missing, duplicated, records };
  }
}
