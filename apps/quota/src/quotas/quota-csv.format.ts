import type { PaceCurve } from '@handoff/domain-quota';
import { type CsvFormat, type CsvRecord, readNumber, withoutAbsent, writeOptional } from '@handoff/platform-runtime';
import type { StoredQuota } from '../books/quota-books.store';
import { QuotaBodyDto } from './quota.dto';

/** A DTO field path's first segments and the column they are read from. */
const COLUMN_OF_PATH: [path: string, column: string][] = [
  ['owner.kind', 'owner_kind'],
  ['owner.id', 'owner_id'],
  ['owner', 'owner_kind'],
  ['period.id', 'period_id'],
  ['period.start', 'period_start'],
  ['period.end', 'period_end'],
  ['period', 'period'],
  ['targets.revenue.amount', 'revenue_amount'],
  ['targets.revenue.currency', 'revenue_currency'],
  ['targets.revenue', 'revenue_amount'],
  ['targets.dealsWon', 'deals_won'],
  ['targets.leadsAccepted', 'leads_accepted'],
  ['targets.meetingsHeld', 'meetings_held'],
  ['targets', '(row)'],
  ['curve', 'curve'],
  ['id', 'id'],
];

/**
 * The quotas CSV: one quota a row. The period is a fiscal period id in `period`, or a custom one in `period_id`,
 * `period_start` and `period_end`; `curve` is `linear` (or empty) or the curve's points as JSON.
 */
export const QUOTA_CSV_FORMAT: CsvFormat<QuotaBodyDto, StoredQuota> = {
  subject: 'quotas CSV',
  columns: [
    { name: 'id', required: true },
    { name: 'owner_kind', required: true },
    { name: 'owner_id', required: true },
    { name: 'period', required: false },
    { name: 'period_id', required: false },
    { name: 'period_start', required: false },
    { name: 'period_end', required: false },
    { name: 'revenue_amount', required: false },
    { name: 'revenue_currency', required: false },
    { name: 'deals_won', required: false },
    { name: 'leads_accepted', required: false },
    { name: 'meetings_held', required: false },
    { name: 'curve', required: false },
  ],
  body: QuotaBodyDto,
  bodyOf: (record) => {
    const cell = cellOf(record);
    return withoutAbsent({
      id: cell('id'),
      owner: { kind: cell('owner_kind'), id: cell('owner_id') },
      period: periodOf(record),
      targets: withoutAbsent({
        revenue: revenueOf(record),
        dealsWon: readNumber(cell('deals_won')),
        leadsAccepted: readNumber(cell('leads_accepted')),
        meetingsHeld: readNumber(cell('meetings_held')),
      }),
      curve: readCurve(cell('curve')),
    });
  },
  cellsOf: (quota) => {
    const custom = quota.periodKind === 'custom';
    return [
      quota.id,
      quota.owner.kind,
      quota.owner.id,
      custom ? '' : quota.period.id,
      custom ? quota.period.id : '',
      custom ? quota.period.start : '',
      custom ? quota.period.end : '',
      writeOptional(quota.targets.revenue?.amount),
      writeOptional(quota.targets.revenue?.currency),
      writeOptional(quota.targets.dealsWon),
      writeOptional(quota.targets.leadsAccepted),
      writeOptional(quota.targets.meetingsHeld),
      writeCurve(quota.curve),
    ];
  },
  columnOf: (path) => {
    const dotted = path.join('.');
    const [prefix, column] = COLUMN_OF_PATH.find(([known]) => dotted === known || dotted.startsWith(`${known}.`)) ?? [
      path[0],
      path[0],
    ];
    return { column, inner: path.slice(prefix.split('.').length) };
  },
};

/** Reads a curve cell: empty is absent (linear), `linear` as it is, JSON points as a curve; anything else as text. */
export function readCurve(cell: string): unknown {
  if (cell === '') return undefined;
  if (cell === 'linear') return cell;
  try {
    const parsed: unknown = JSON.parse(cell);
    return Array.isArray(parsed) ? { points: parsed } : parsed;
  } catch {
    return cell;
  }
}

export function writeCurve(curve: PaceCurve): string {
  return curve === 'linear' ? curve : JSON.stringify(curve.points);
}

const cellOf =
  (record: CsvRecord) =>
  (column: string): string =>
    record.cells.get(column) ?? '';

/** Custom bounds when any custom cell is filled (their id defaulting to the fiscal cell), else the fiscal id. */
function periodOf(record: CsvRecord): unknown {
  const cell = cellOf(record);
  const custom = ['period_id', 'period_start', 'period_end'].some((column) => cell(column) !== '');
  if (!custom) return cell('period') === '' ? undefined : cell('period');
  return { id: cell('period_id') || cell('period'), start: cell('period_start'), end: cell('period_end') };
}

function revenueOf(record: CsvRecord): unknown {
  const cell = cellOf(record);
  if (cell('revenue_amount') === '' && cell('revenue_currency') === '') return undefined;
  return { amount: readNumber(cell('revenue_amount')), currency: cell('revenue_currency') };
}
