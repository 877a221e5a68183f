// Calendar days in the user's time zone, as date inputs hold them (`YYYY-MM-DD`).

/** A local calendar date as `YYYY-MM-DD`, what a date input holds. */
export function dateInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The same local time `days` calendar days later (or earlier), whatever daylight saving does in between. */
export function addDays(date: Date, days: number): Date {
  const moved = new Date(date);
  moved.setDate(moved.getDate() + days);
  return moved;
}

/** The local midnight a date input's day starts at. */
export function startOfLocalDay(day: string): Date {
  return new Date(`${day}T00:00:00`);
}
