/** Availability instants must lie ahead (up to two years): next year's, whatever year the test runs in. */
export const NEXT_YEAR = new Date().getUTCFullYear() + 1;

const WEEKDAYS_9_TO_5 = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [{ start: '09:00', end: '17:00' }]]),
);

/** The body of a PUT /reps/:id: a rep in Lisbon working 9 to 5 on weekdays, with `extra` fields on top. */
export function repBody(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, timeZone: 'Europe/Lisbon', workingHours: WEEKDAYS_9_TO_5, ...extra };
}
