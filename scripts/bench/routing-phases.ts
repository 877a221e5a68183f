import { performance } from 'node:perf_hooks';
import { Topics } from '@handoff/contracts';
import { waitFor } from '@handoff/testing';
import type { Arrival } from './arrival-reader';
import { DeliveryCounts, type PhaseFigures, PhaseLatency } from './arrival-latency';
import { progress } from './bench-progress';
import type { LeadPublisher, QualifiedRecord } from './routing-events';

const PROGRESS_EVERY_MS = 2000;
const CHECK_EVERY_MS = 20;

/** What a phase publishes to and whose outputs it waits for: routing, or the bare consume→produce loop. */
export interface Target {
  name: string;
  /** Where the bench publishes the qualified leads. */
  inputTopic: string;
  counts: DeliveryCounts;
  phase?: PhaseLatency;
}

export function target(name: string, inputTopic: string): Target {
  return { name, inputTopic, counts: new DeliveryCounts() };
}

export type Pace = 'full speed' | number;

/**
 * Hands each output record to its target: lead.routed.v1 records count only when they name one of this run's
 * reps (other routing instances on the shared topics route the bench's leads to their own reps), the baseline's
 * output topic is the run's own.
 */
export function arrivalRouter(
  routing: Target,
  baseline: Target,
  baselineOutput: string,
  ownReps: ReadonlySet<string>,
  published: ReadonlySet<string>,
): (arrival: Arrival) => void {
  const deliver = (to: Target, id: string, at: number) => {
    to.counts.add(id, published.has(id));
    to.phase?.arrivedOf(id, at);
  };
  return ({ topic, value, receivedAt }) => {
    const record = value as { qualificationId?: string; repId?: string };
    if (!record.qualificationId) return;
    if (topic === Topics.leadRouted.name && record.repId && ownReps.has(record.repId))
      deliver(routing, record.qualificationId, receivedAt);
    else if (topic === baselineOutput) deliver(baseline, record.qualificationId, receivedAt);
  };
}

/** Publishes `records` to the target at `pace` and resolves once every one of them has its output. */
export async function runPhase(
  publisher: LeadPublisher,
  to: Target,
  records: readonly QualifiedRecord[],
  pace: Pace,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<PhaseFigures> {
  const phase = new PhaseLatency(records.length);
  to.phase = phase;
  const sent = (id: string, at: number) => phase.sent(id, at);
  progress(`${to.name}: ${records.length} leads at ${pace === 'full speed' ? pace : `${pace}/s`}`);
  try {
    if (pace === 'full speed') await publisher.burst(to.inputTopic, records, sent);
    else await publisher.atRate(to.inputTopic, records, pace, sent, signal);
    let loggedAt = performance.now();
    await waitFor(
      `${to.name}: an output for each of ${records.length} leads`,
      () => {
        signal.throwIfAborted();
        if (performance.now() - loggedAt > PROGRESS_EVERY_MS) {
          loggedAt = performance.now();
          progress(`${to.name}: ${phase.progress} arrived`);
        }
        return phase.complete;
      },
      { timeoutMs, intervalMs: CHECK_EVERY_MS },
    );
  } finally {
    to.phase = undefined;
  }
  const figures = phase.figures();
  progress(
    `${to.name}: ${Math.round(figures.perSecond)} leads/s, p50 ${figures.p50Ms.toFixed(1)} ms, ` +
      `p99 ${figures.p99Ms.toFixed(1)} ms`,
  );
  return figures;
}

/** Resolves with the performance.now() at which `reached` first held, polled every CHECK_EVERY_MS until `signal`. */
export async function whenReached(
  what: string,
  reached: () => Promise<boolean>,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<number> {
  await waitFor(
    what,
    () => {
      signal.throwIfAborted();
      return reached();
    },
    { timeoutMs, intervalMs: CHECK_EVERY_MS * 2 },
  );
  return performance.now();
}
