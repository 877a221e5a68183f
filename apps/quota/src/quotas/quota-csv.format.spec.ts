import { parseCsvTable, readRows, stringifyCsv } from '@handoff/platform-runtime';
import type { StoredQuota } from '../books/quota-books.store';
import { QUOTA_CSV_FORMAT, readCurve, writeCurve } from './quota-csv.format';

const COLUMNS = QUOTA_CSV_FORMAT.columns.map((column) => column.name);

const fiscal: StoredQuota = {
  id: 'bo-q3',
  owner: { kind: 'rep', id: 'bo-chen' },
  period: { id: 'FY2027-Q3', start: '2027-07-01T00:00:00.000Z', end: '2027-10-01T00:00:00.000Z' },
  periodKind: 'quarter',
  targets: { revenue: { amount: 90000, currency: 'USD' }, leadsAccepted: 50 },
  curve: 'linear',
  updatedAt: '2026-12-01T00:00:00.000Z',
};
const custom: StoredQuota = {
  ...fiscal,
  id: 'emea-launch',
  owner: { kind: 'team', id: 'emea' },
  period: { id: 'launch', start: '2027-05-01T00:00:00.000Z', end: '2027-06-01T00:00:00.000Z' },
  periodKind: 'custom',
  targets: { meetingsHeld: 30 },
  curve: {
    points: [
      [0, 0],
      [0.5, 0.2],
      [1, 1],
    ],
  },
};

const rowsOf = (csv: string) =>
  readRows(parseCsvTable(csv, QUOTA_CSV_FORMAT.subject, QUOTA_CSV_FORMAT.columns), QUOTA_CSV_FORMAT);

describe('the quotas CSV format', () => {
  it('writes a fiscal quota’s period id in period and a custom one’s bounds in period_id, _start and _end', () => {
    expect(QUOTA_CSV_FORMAT.cellsOf(fiscal)).toEqual([
      'bo-q3',
      'rep',
      'bo-chen',
      'FY2027-Q3',
      '',
      '',
      '',
      '90000',
      'USD',
      '',
      '50',
      '',
      'linear',
    ]);
    expect(QUOTA_CSV_FORMAT.cellsOf(custom).slice(3, 8)).toEqual([
      '',
      'launch',
      '2027-05-01T00:00:00.000Z',
      '2027-06-01T00:00:00.000Z',
      '',
    ]);
  });

  it('reads back the body each quota was written from', () => {
    const { rows, rejected } = rowsOf(stringifyCsv(COLUMNS, [fiscal, custom].map(QUOTA_CSV_FORMAT.cellsOf)));

    expect(rejected).toEqual([]);
    expect(rows.map((row) => ({ ...row.body }))).toEqual([
      {
        id: 'bo-q3',
        owner: expect.objectContaining({ kind: 'rep', id: 'bo-chen' }),
        period: 'FY2027-Q3',
        targets: expect.objectContaining({
          revenue: expect.objectContaining({ amount: 90000, currency: 'USD' }),
          leadsAccepted: 50,
        }),
        curve: 'linear',
      },
      {
        id: 'emea-launch',
        owner: expect.objectContaining({ kind: 'team', id: 'emea' }),
        period: expect.objectContaining({ id: 'launch', start: custom.period.start, end: custom.period.end }),
        targets: expect.objectContaining({ meetingsHeld: 30 }),
        curve: custom.curve,
      },
    ]);
  });

  it('names the column a failing field was read from', () => {
    const { rejected } = rowsOf(
      'id,owner_kind,owner_id,period,revenue_amount,revenue_currency,deals_won\nx,office,,FY2027,,EUR,many\n',
    );

    expect(rejected[0].errors?.map((issue) => issue.field).sort()).toEqual([
      'deals_won',
      'owner_id',
      'owner_kind',
      'revenue_amount',
    ]);
    expect(QUOTA_CSV_FORMAT.columnOf(['curve', 'points[2]'])).toEqual({ column: 'curve', inner: ['points[2]'] });
    expect(QUOTA_CSV_FORMAT.columnOf(['period', 'end'])).toEqual({ column: 'period_end', inner: [] });
    expect(QUOTA_CSV_FORMAT.columnOf(['targets'])).toEqual({ column: '(row)', inner: [] });
  });

  it('reads a curve cell as linear, JSON points, or the text it holds for the rules to reject', () => {
    expect(readCurve('')).toBeUndefined();
    expect(readCurve('linear')).toBe('linear');
    expect(readCurve('[[0,0],[1,1]]')).toEqual({
      points: [
        [0, 0],
        [1, 1],
      ],
    });
    expect(readCurve('steep')).toBe('steep');
    expect(writeCurve(custom.curve)).toBe('[[0,0],[0.5,0.2],[1,1]]');
  });
});
