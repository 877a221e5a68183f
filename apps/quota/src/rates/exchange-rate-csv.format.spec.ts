import { parseCsvTable, readRows } from '@handoff/platform-runtime';
import { EXCHANGE_RATE_CSV_FORMAT } from './exchange-rate-csv.format';

const rowsOf = (csv: string) =>
  readRows(
    parseCsvTable(csv, EXCHANGE_RATE_CSV_FORMAT.subject, EXCHANGE_RATE_CSV_FORMAT.columns),
    EXCHANGE_RATE_CSV_FORMAT,
  );

describe('the exchange-rates CSV format', () => {
  it('reads a rate row, an empty valid_to meaning until further notice, and writes it back as the same cells', () => {
    const { rows } = rowsOf('from,to,rate,valid_from,valid_to\nEUR,USD,1.08,2027-01-01,\n');

    expect({ ...rows[0].body }).toEqual({ from: 'EUR', to: 'USD', rate: 1.08, validFrom: '2027-01-01' });
    expect(EXCHANGE_RATE_CSV_FORMAT.cellsOf(rows[0].body)).toEqual(['EUR', 'USD', '1.08', '2027-01-01', '']);
  });

  it('names a failing field by its column', () => {
    const { rejected } = rowsOf('from,to,rate,valid_from\nEUR,USD,,2027-01-01\n');

    expect(rejected[0].errors).toEqual([{ field: 'rate', reasons: ['rate must be a finite number'] }]);
    expect(EXCHANGE_RATE_CSV_FORMAT.columnOf(['validFrom'])).toEqual({ column: 'valid_from', inner: [] });
  });
});
