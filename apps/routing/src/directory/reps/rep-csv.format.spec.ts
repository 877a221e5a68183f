import fc from 'fast-check';
import { type DailyWindow, type RepProfile, WEEKDAYS } from '@handoff/domain-routing';
import { NEXT_YEAR } from '../../testing/directory-fixtures';
import { REP_CSV_FORMAT } from './rep-csv.format';
import { repProfileOf } from './rep-profile';
import { readRows, parseCsvTable, stringifyCsv } from '@handoff/platform-runtime';

const COLUMN_NAMES = REP_CSV_FORMAT.columns.map((column) => column.name);
const NOW = Date.now();
const DAY_MS = 86_400_000;

/** What reading a CSV file makes of it: each row's result, and the profiles of the valid ones. */
function imported(csv: string, current?: RepProfile) {
  const { rows, rejected } = readRows(
    parseCsvTable(csv, REP_CSV_FORMAT.subject, REP_CSV_FORMAT.columns),
    REP_CSV_FORMAT,
  );
  return { rejected, reps: rows.map((row) => repProfileOf(row.id, row.body, current)) };
}

const identifier = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,20}$/);
const label = fc.stringMatching(/^[a-z][a-z ,"'-]{0,10}[a-z]$/);
const nameCharacter = fc.oneof(
  fc.constantFrom(',', '"', ';', '\n', 'é', '漢', '😀'),
  fc.string({ minLength: 1, maxLength: 1 }),
);
const minutes = (from: number, to: number) => fc.integer({ min: from, max: to });
const hhmm = (total: number) =>
  `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
/** Sorted, non-overlapping windows from cut points of the day. */
const day = fc.uniqueArray(minutes(0, 1440), { maxLength: 6 }).map((cuts): DailyWindow[] => {
  const sorted = [...cuts].sort((a, b) => a - b);
  return sorted.flatMap((start, index) =>
    index % 2 === 0 && index + 1 < sorted.length ? [{ start: hhmm(start), end: hhmm(sorted[index + 1]) }] : [],
  );
});
const instant = fc.integer({ min: NOW - 30 * DAY_MS, max: NOW + 600 * DAY_MS }).map((ms) => new Date(ms).toISOString());
const period = fc
  .tuple(fc.integer({ min: NOW, max: NOW + 600 * DAY_MS }), fc.integer({ min: 1, max: 30 * DAY_MS }))
  .map(([from, length]) => ({ from: new Date(from).toISOString(), to: new Date(from + length).toISOString() }));

const repProfile: fc.Arbitrary<RepProfile> = fc
  .record({
    id: identifier,
    name: fc.string({ unit: nameCharacter, minLength: 1, maxLength: 30 }).map((name) => name.trim() || 'x'),
    active: fc.boolean(),
    teamIds: fc.uniqueArray(identifier, { maxLength: 3 }).map((ids) => ids.sort()),
    weight: fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true }),
    languages: fc.uniqueArray(fc.constantFrom('en', 'de', 'pt-BR', 'zh-Hant-TW'), { maxLength: 3 }),
    skills: fc.uniqueArray(label, { maxLength: 3 }),
    timeZone: fc.constantFrom('Europe/Lisbon', 'America/Sao_Paulo', 'Asia/Kolkata', 'UTC'),
    days: fc.tuple(...WEEKDAYS.map(() => day)),
    outOfOffice: fc.uniqueArray(period, { maxLength: 3, selector: (p) => `${p.from}/${p.to}` }),
    pausedUntil: fc.option(instant, { nil: undefined }),
    dailyCap: fc.option(fc.nat(50), { nil: undefined }),
    rolling30DayCap: fc.option(fc.nat(500), { nil: undefined }),
  })
  .map(({ days, outOfOffice, pausedUntil, dailyCap, rolling30DayCap, ...rep }) => ({
    ...rep,
    workingHours: Object.fromEntries(
      WEEKDAYS.flatMap((name, index) => (days[index].length ? [[name, days[index]]] : [])),
    ),
    outOfOffice: [...outOfOffice].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
    ...(pausedUntil === undefined ? {} : { pausedUntil }),
    ...(dailyCap === undefined ? {} : { dailyCap }),
    ...(rolling30DayCap === undefined ? {} : { rolling30DayCap }),
  }));

describe('the reps CSV format', () => {
  it('reads back every rep it writes, exactly (names with commas, quotes and line breaks included)', () => {
    fc.assert(
      fc.property(repProfile, (rep) => {
        const csv = stringifyCsv(COLUMN_NAMES, [REP_CSV_FORMAT.cellsOf(rep)]);
        expect(imported(csv)).toEqual({ rejected: [], reps: [rep] });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the stored out-of-office periods and pause without those columns, and clears them with empty cells', () => {
    const current = { outOfOffice: [{ from: '2030-01-01T00:00:00.000Z', to: '2030-01-02T00:00:00.000Z' }] };
    const stored = {
      ...imported(`id,name,timeZone,${WEEKDAYS}\na,A,UTC,,,,,,,`).reps[0],
      ...current,
      pausedUntil: '2030-01-03T00:00:00.000Z',
    };
    const days = ',,,,,,';

    expect(imported(`id,name,timeZone,${WEEKDAYS}\na,A,UTC,${days}`, stored).reps[0]).toEqual(stored);
    const cleared = imported(`id,name,timeZone,${WEEKDAYS},outOfOffice,pausedUntil\na,A,UTC,${days},,`, stored).reps[0];
    expect(cleared.outOfOffice).toEqual([]);
    expect(cleared).not.toHaveProperty('pausedUntil');
  });

  it('rejects a row by the column a user edits, saying which item of a list cell failed', () => {
    const csv = `id,name,weight,timeZone,${WEEKDAYS},outOfOffice\na,A,heavy,UTC,09:00-12:00;13:00-11:00,,,,,,,${NEXT_YEAR}-01-02T00:00:00Z/${NEXT_YEAR}-01-01T00:00:00Z`;

    expect(imported(csv).rejected).toEqual([
      {
        row: 2,
        id: 'a',
        status: 'rejected',
        errors: [
          { field: 'weight', reasons: ['weight must be a finite number', 'weight must not be less than 0'] },
          { field: 'mon', reasons: ['item 2: end must be after start'] },
          { field: 'outOfOffice', reasons: ['item 1: to must be after from'] },
        ],
      },
    ]);
  });

  it('rejects rows whose cell count differs from the header’s, and a repeated id', () => {
    const csv = `id,name,timeZone,${WEEKDAYS}\na,A,UTC,,,,,,,\nb,B,UTC\na,A again,UTC,,,,,,,`;

    expect(imported(csv).rejected).toEqual([
      {
        row: 3,
        id: 'b',
        status: 'rejected',
        errors: [{ field: '(row)', reasons: ['has 3 cells where the header names 10 columns'] }],
      },
      { row: 4, id: 'a', status: 'rejected', errors: [{ field: 'id', reasons: ['repeats the id of line 2'] }] },
    ]);
  });
});
