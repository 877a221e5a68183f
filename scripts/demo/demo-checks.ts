// What the demo's steps share: sending events to ingest, waiting for scoring to settle, and failing the run
// (exit 1) with the claim that did not hold.
import { randomUUID } from 'node:crypto';
import { type HttpAnswer, type StackService, waitFor } from '@handoff/testing';
import type { ScoreSnapshot } from './demo-output';

export interface IngestAnswer {
  accepted: number;
  duplicates: number;
  results: Array<{ status: string; eventId?: string; leadId?: string }>;
}

/** Sends one event to ingest with the source's write key; each gets a fresh message id unless it brings one. */
export function sender(ingest: StackService, writeKey: string) {
  return async (event: Record<string, unknown>): Promise<IngestAnswer> => {
    const answer = await ingest.call<IngestAnswer>('POST', '/v1/events', {
      body: { messageId: randomUUID(), occurredAt: new Date().toISOString(), ...event },
      headers: { authorization: `Bearer ${writeKey}` },
    });
    expectStatus(`sending ${String(event['type'])}`, answer.status, 200);
    return answer.body;
  };
}

/** Scoring applies events asynchronously from Kafka: waits until the lead's score shows what the step did. */
export async function scoreOnceSettled(
  scoring: StackService,
  leadId: string,
  settled: (view: ScoreSnapshot) => boolean,
): Promise<ScoreSnapshot> {
  let latest: HttpAnswer<ScoreSnapshot> | undefined;
  try {
    await waitFor(
      `lead ${leadId}'s score to reflect the step`,
      async () => {
        latest = await scoring.call<ScoreSnapshot>('GET', `/leads/${leadId}/score`);
        return latest.status === 200 && settled(latest.body);
      },
      { timeoutMs: 30_000 },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; scoring last answered ${JSON.stringify(latest)}`);
  }
  return (latest as HttpAnswer<ScoreSnapshot>).body;
}

export function expectStatus(what: string, actual: number, expected: number): void {
  check(`${what} answers ${expected} (got ${actual})`, actual === expected);
}

export function check(claim: string, holds: boolean): void {
  if (!holds) throw new Error(`demo failed: expected ${claim}`);
}
