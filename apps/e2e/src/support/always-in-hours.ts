/** Every day 00:00–24:00: reps with these hours are in hours whenever a test runs, so no test reads the wall clock. */
export const ALWAYS_IN_HOURS = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [{ start: '00:00', end: '24:00' }]]),
);
