/** Where the shipped rules send every lead under 1,000 employees (apps/routing/rules/default-rules.yaml). */
export const BENCH_POOL = 'inbound';

/** Reps spread over these zones in turn: the working-hours check reads each rep's own wall clock. */
const TIME_ZONES = [
  'America/Los_Angeles',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Berlin',
  'Africa/Johannesburg',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Australia/Sydney',
];
/** Mixed weights, so weighted round robin does real work (zero excluded: such a rep would never be picked). */
const WEIGHTS = [1, 2, 3, 0.5, 1.5];
/**
 * Every hour of every day, in the rep's zone: the pool requires working hours, so each candidate goes through
 * the check on its own local clock, yet nobody is ever out of hours and no lead queues whenever the bench runs.
 */
const ROUND_THE_CLOCK = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [{ start: '00:00', end: '24:00' }]]),
);

export interface BenchRep {
  id: string;
  timeZone: string;
  weight: number;
}

/** `count` reps whose ids carry the run id: lead.routed.v1 records naming them come from this run's app. */
export function benchReps(runId: string, count: number): BenchRep[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `bench-${runId}-rep-${String(index + 1).padStart(3, '0')}`,
    timeZone: TIME_ZONES[index % TIME_ZONES.length],
    weight: WEIGHTS[index % WEIGHTS.length],
  }));
}

export function timeZoneCount(reps: readonly BenchRep[]): number {
  return new Set(reps.map((rep) => rep.timeZone)).size;
}

/** Writes the reps and the pool through routing's directory API, as an operator would. */
export async function seedDirectory(baseUrl: string, adminToken: string, reps: readonly BenchRep[]): Promise<void> {
  const put = async (path: string, body: unknown): Promise<void> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`PUT ${path} answered ${response.status}: ${await response.text()}`);
  };
  for (const rep of reps) {
    await put(`/reps/${rep.id}`, {
      name: `Bench rep ${rep.id.slice(-3)}`,
      timeZone: rep.timeZone,
      workingHours: ROUND_THE_CLOCK,
      weight: rep.weight,
    });
  }
  await put(`/pools/${BENCH_POOL}`, {
    name: 'Inbound (bench)',
    repIds: reps.map((rep) => rep.id),
    requireWorkingHours: true,
  });
}
