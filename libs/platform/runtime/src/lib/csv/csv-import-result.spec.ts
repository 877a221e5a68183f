import { allOrNothing, importStatusOf, rejectedRow, summarise } from './csv-import-result';

const imported = (row: number) => ({ row, id: `r${row}`, status: 'imported' as const });
const rejected = (row: number) =>
  rejectedRow(row, `r${row}`, [{ field: 'name', reasons: ['name should not be empty'] }]);

describe('a CSV import’s answer', () => {
  it('counts the rows and lists them in file order', () => {
    expect(summarise([imported(4), rejected(3), imported(2)])).toEqual({
      imported: 2,
      rejected: 1,
      rows: [imported(2), rejected(3), imported(4)],
    });
  });

  it('is 200 when every row was imported (or there was none), 207 when some were rejected, 400 when all were', () => {
    expect(importStatusOf(summarise([imported(2)]))).toBe(200);
    expect(importStatusOf(summarise([]))).toBe(200);
    expect(importStatusOf(summarise([imported(2), rejected(3)]))).toBe(207);
    expect(importStatusOf(summarise([rejected(2)]))).toBe(400);
  });

  it('of an all-or-nothing import lists only the rejected rows when there are any, and is then 400', () => {
    const result = allOrNothing([imported(2), rejected(4), rejected(3)]);

    expect(result).toEqual({ imported: 0, rejected: 2, rows: [rejected(3), rejected(4)] });
    expect(importStatusOf(result)).toBe(400);
    expect(allOrNothing([imported(3), imported(2)])).toEqual(summarise([imported(2), imported(3)]));
  });
});
