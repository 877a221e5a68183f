import type { HttpAnswer, StackService } from './service-stack';
import { waitFor } from './wait-for';

/** The parts of scoring's GET /leads/:id/score that tests and the demo read. */
export interface ScoreSnapshot {
  behaviour: { score: number; topFactors: Array<{ ruleId: string; label: string; points: number }> };
  fit: { score: number; grade: string };
  lifecycle: { stage: string };
}

/** Scoring applies events asynchronously from Kafka: waits until the lead's score shows what was sent. */
export async function scoreOnceSettled(
  scoring: StackService,
  leadId: string,
  settled: (view: ScoreSnapshot) => boolean,
  timeoutMs = 30_000,
): Promise<ScoreSnapshot> {
  let latest: HttpAnswer<ScoreSnapshot> | undefined;
  try {
    await waitFor(
      `lead ${leadId}'s score to reflect what was sent`,
      async () => {
        latest = await scoring.call<ScoreSnapshot>('GET', `/leads/${leadId}/score`);
        return latest.status === 200 && settled(latest.body);
      },
      { timeoutMs },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; scoring last answered ${JSON.stringify(latest)}`);
  }
  return (latest as HttpAnswer<ScoreSnapshot>).body;
}
