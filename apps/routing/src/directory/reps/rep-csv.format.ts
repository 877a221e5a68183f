import { type RepProfile, WEEKDAYS, type Weekday } from '@handoff/domain-routing';
import { RepBodyDto } from './rep.dto';
import {
  readBoolean,
  readList,
  readNumber,
  readPairs,
  writeList,
  writeOptional,
  writePairs,
  withoutAbsent,
  type CsvFormat,
  type CsvRecord,
} from '@handoff/platform-runtime';

const WINDOW_SEPARATOR = '-';
const PERIOD_SEPARATOR = '/';

/**
 * The reps CSV: one rep a row. Lists are `;`-separated; a weekday cell lists windows `09:00-12:00;13:00-17:30`
 * (empty: a day off); `outOfOffice` lists periods `from/to` (ISO 8601 instants). Without an `outOfOffice` or
 * `pausedUntil` column the reps keep theirs; with one, an empty cell clears them.
 */
export const REP_CSV_FORMAT: CsvFormat<RepBodyDto, RepProfile> = {
  subject: 'reps CSV',
  columns: [
    { name: 'id', required: true },
    { name: 'name', required: true },
    { name: 'active', required: false },
    { name: 'weight', required: false },
    { name: 'teamIds', required: false },
    { name: 'languages', required: false },
    { name: 'skills', required: false },
    { name: 'timeZone', required: true },
    ...WEEKDAYS.map((day) => ({ name: day, required: true })),
    { name: 'outOfOffice', required: false },
    { name: 'pausedUntil', required: false },
    { name: 'dailyCap', required: false },
    { name: 'rolling30DayCap', required: false },
  ],
  body: RepBodyDto,
  bodyOf: (record) => {
    const cell = (column: string) => record.cells.get(column);
    const body: Record<string, unknown> = {
      id: cell('id'),
      name: cell('name'),
      active: readBoolean(cell('active') ?? ''),
      weight: readNumber(cell('weight') ?? ''),
      teamIds: readList(cell('teamIds') ?? ''),
      languages: readList(cell('languages') ?? ''),
      skills: readList(cell('skills') ?? ''),
      timeZone: cell('timeZone'),
      workingHours: workingHoursOf(record),
      dailyCap: readNumber(cell('dailyCap') ?? ''),
      rolling30DayCap: readNumber(cell('rolling30DayCap') ?? ''),
    };
    const outOfOffice = cell('outOfOffice');
    if (outOfOffice !== undefined) body['outOfOffice'] = readPairs(outOfOffice, PERIOD_SEPARATOR, ['from', 'to']);
    const pausedUntil = cell('pausedUntil');
    if (pausedUntil !== undefined) body['pausedUntil'] = pausedUntil === '' ? null : pausedUntil;
    return withoutAbsent(body);
  },
  cellsOf: (rep) => [
    rep.id,
    rep.name,
    String(rep.active),
    String(rep.weight),
    writeList(rep.teamIds),
    writeList(rep.languages),
    writeList(rep.skills),
    rep.timeZone,
    ...WEEKDAYS.map((day) => writePairs(rep.workingHours[day] ?? [], WINDOW_SEPARATOR, ['start', 'end'])),
    writePairs(rep.outOfOffice, PERIOD_SEPARATOR, ['from', 'to']),
    writeOptional(rep.pausedUntil),
    writeOptional(rep.dailyCap),
    writeOptional(rep.rolling30DayCap),
  ],
  columnOf: ([field, ...inner]) =>
    field === 'workingHours' && inner.length > 0
      ? { column: inner[0], inner: inner.slice(1) }
      : { column: field, inner },
};

function workingHoursOf(record: CsvRecord): Partial<Record<Weekday, { start: string; end: string }[]>> {
  return Object.fromEntries(
    WEEKDAYS.map((day) => [day, readPairs(record.cells.get(day) ?? '', WINDOW_SEPARATOR, ['start', 'end'])]),
  );
}
