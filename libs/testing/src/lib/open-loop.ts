import { performance } from 'node:perf_hooks';

/** What one request achieved: how many events were accepted and, unless all were, why (HTTP status, error code). */
export interface RequestOutcome {
  acceptedEvents: number;
  failure?: string;
  /** What the target said about the failure (a response body), to explain it. */
  detail?: string;
}

/** Sends request number `index`; resolves when it was answered (never rejects: failures are outcomes). */
export type SendRequest = (index: number) => Promise<RequestOutcome>;

export interface PhaseResult {
  requests: number;
  offeredEventsPerSecond: number;
  acceptedEvents: number;
  /** From the first scheduled request to the last answer: longer than planned when the target falls behind. */
  elapsedSeconds: number;
  /** Per request, from its scheduled start (not its actual one) to its answer, in ms. */
  latenciesMs: number[];
  failures: Map<string, number>;
  /** The first detail seen per failure. */
  failureSamples: Map<string, string>;
}

/**
 * Open-loop load at a fixed arrival rate: request i is due at start + i / rate whatever happened to
 * earlier ones, so a slow target builds a queue instead of slowing the client down, and each latency
 * counts from when the request was due (no coordinated omission: time spent waiting for the client's own
 * timer or a free socket is charged to the target, as a real sender would see it).
 */
export async function runOpenLoop(
  ratePerSecond: number,
  durationSeconds: number,
  eventsPerRequest: number,
  send: SendRequest,
  signal?: AbortSignal,
): Promise<PhaseResult> {
  const total = Math.max(1, Math.round(ratePerSecond * durationSeconds));
  const intervalMs = 1000 / ratePerSecond;
  const latenciesMs: number[] = [];
  const failures = new Map<string, number>();
  const failureSamples = new Map<string, string>();
  const inFlight = new Set<Promise<void>>();
  let acceptedEvents = 0;
  let lastAnswerAt = 0;
  let fired = 0;
  const start = performance.now();

  const fire = (index: number): void => {
    fired++;
    const dueAt = start + index * intervalMs;
    const request = send(index).then((outcome) => {
      lastAnswerAt = performance.now();
      latenciesMs.push(lastAnswerAt - dueAt);
      acceptedEvents += outcome.acceptedEvents;
      if (outcome.failure) {
        failures.set(outcome.failure, (failures.get(outcome.failure) ?? 0) + 1);
        if (!failureSamples.has(outcome.failure)) failureSamples.set(outcome.failure, outcome.detail ?? '');
      }
      inFlight.delete(request);
    });
    inFlight.add(request);
  };

  await new Promise<void>((done) => {
    let next = 0;
    const tick = (): void => {
      const now = performance.now();
      // Timers fire late under load: catch up on everything already due rather than drift.
      while (next < total && start + next * intervalMs <= now) fire(next++);
      if (next >= total || signal?.aborted) return done();
      setTimeout(tick, Math.max(0, start + next * intervalMs - performance.now()));
    };
    tick();
  });
  while (inFlight.size > 0) await Promise.all(inFlight);

  return {
    requests: fired,
    offeredEventsPerSecond: ratePerSecond * eventsPerRequest,
    acceptedEvents,
    elapsedSeconds: Math.max(signal?.aborted ? 0 : durationSeconds, (lastAnswerAt - start) / 1000),
    latenciesMs,
    failures,
    failureSamples,
  };
}
