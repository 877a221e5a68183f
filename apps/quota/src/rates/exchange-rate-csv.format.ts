import type { ExchangeRate } from '@handoff/domain-quota';
import { type CsvFormat, readNumber, withoutAbsent, writeOptional } from '@handoff/platform-runtime';
import { ExchangeRateDto } from './exchange-rate.dto';

const COLUMN_OF_FIELD: Record<string, string> = {
  from: 'from',
  to: 'to',
  rate: 'rate',
  validFrom: 'valid_from',
  validTo: 'valid_to',
};

/** The exchange-rates CSV: one rate a row, dates as YYYY-MM-DD, an empty valid_to for "until further notice". */
export const EXCHANGE_RATE_CSV_FORMAT: CsvFormat<ExchangeRateDto, ExchangeRate> = {
  subject: 'exchange-rates CSV',
  columns: [
    { name: 'from', required: true },
    { name: 'to', required: true },
    { name: 'rate', required: true },
    { name: 'valid_from', required: true },
    { name: 'valid_to', required: false },
  ],
  body: ExchangeRateDto,
  bodyOf: (record) => {
    const cell = (column: string) => record.cells.get(column) ?? '';
    return withoutAbsent({
      from: cell('from'),
      to: cell('to'),
      rate: readNumber(cell('rate')),
      validFrom: cell('valid_from'),
      validTo: cell('valid_to') === '' ? undefined : cell('valid_to'),
    });
  },
  cellsOf: (rate) => [rate.from, rate.to, String(rate.rate), rate.validFrom, writeOptional(rate.validTo)],
  columnOf: ([field, ...inner]) => ({ column: COLUMN_OF_FIELD[field] ?? field, inner }),
};
