import { Injectable } from '@nestjs/common';
import { type ExchangeRate, throwIfInvalid, validateExchangeRates } from '@handoff/domain-quota';
import {
  allOrNothing,
  byColumn,
  type CsvImportResult,
  type CsvRow,
  type CsvRowResult,
  parseCsvTable,
  readRows,
  rejectedRow,
  writeRows,
} from '@handoff/platform-runtime';
import { fieldIssuesOf, type FieldIssue } from '@handoff/shared-errors';
import { ConfigWrites } from '../books/config-writes';
import { QuotaBooks } from '../books/quota-books.store';
import { EXCHANGE_RATE_CSV_FORMAT } from './exchange-rate-csv.format';
import type { ExchangeRateDto } from './exchange-rate.dto';
import { ExchangeRatesStore } from './exchange-rates.store';

const RATES_LOCK = 'exchange-rates';
const RATE_ISSUE = /^rates\[(\d+)\]\.?(.*)$/;

/** The exchange-rate table: replaced whole (as JSON or a CSV file, all or nothing) and read. */
@Injectable()
export class ExchangeRatesService {
  constructor(
    private readonly books: QuotaBooks,
    private readonly writes: ConfigWrites,
    private readonly store: ExchangeRatesStore,
  ) {}

  rates(): Promise<ExchangeRate[]> {
    return this.books.rates();
  }

  /** Replaces the table after checking it (one rate per pair and day); answers it as stored. */
  replace(given: readonly ExchangeRateDto[]): Promise<ExchangeRate[]> {
    const rates = given.map(rateOf);
    throwIfInvalid(validateExchangeRates(rates), 'exchange rates', 'rates');
    return this.write(rates);
  }

  async exportCsv(): Promise<string> {
    return writeRows(EXCHANGE_RATE_CSV_FORMAT, await this.books.rates());
  }

  /** Replaces the table with the file's rows, or, when any row fails its own or the table's rules, with nothing. */
  async importCsv(text: unknown): Promise<CsvImportResult> {
    const table = parseCsvTable(text, EXCHANGE_RATE_CSV_FORMAT.subject, EXCHANGE_RATE_CSV_FORMAT.columns);
    const { rows, rejected } = readRows(table, EXCHANGE_RATE_CSV_FORMAT);
    const rates = rows.map((row) => rateOf(row.body));
    const result = allOrNothing([...rejected, ...outcomesOf(rows, validateExchangeRates(rates))]);
    if (result.rejected === 0) await this.write(rates);
    return result;
  }

  private write(rates: readonly ExchangeRate[]): Promise<ExchangeRate[]> {
    return this.writes.run(RATES_LOCK, async (manager) => {
      await this.store.replace(manager, rates);
      return { result: await this.books.rates(manager), change: { reps: 'all', cause: 'exchange-rates-replaced' } };
    });
  }
}

/** Each row imported, or rejected with the table's issues about it (`rates[i].validFrom`) named by column. */
function outcomesOf(rows: CsvRow<ExchangeRateDto>[], issues: readonly string[]): CsvRowResult[] {
  const issuesOfRow = new Map<number, FieldIssue[]>();
  for (const { field, reasons } of fieldIssuesOf(issues, 'rates')) {
    const [, index, path] = RATE_ISSUE.exec(field) ?? [];
    if (index === undefined) continue;
    const rowIssues = issuesOfRow.get(Number(index)) ?? [];
    issuesOfRow.set(Number(index), [...rowIssues, { field: path, reasons }]);
  }
  return rows.map(({ row, id }, index) => {
    const rowIssues = issuesOfRow.get(index);
    return rowIssues
      ? rejectedRow(row, id, byColumn(rowIssues, EXCHANGE_RATE_CSV_FORMAT))
      : { row, id, status: 'imported' };
  });
}

const rateOf = ({ from, to, rate, validFrom, validTo }: ExchangeRateDto): ExchangeRate => ({
  from,
  to,
  rate,
  validFrom,
  ...(validTo === undefined ? {} : { validTo }),
});
