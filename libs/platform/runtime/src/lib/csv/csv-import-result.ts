import { HttpStatus } from '@nestjs/common';
import type { FieldIssue } from '@handoff/contracts';

/** What became of one data row of an imported file. */
export interface CsvRowResult {
  /** The 1-based line the row starts on (the header is line 1). */
  row: number;
  id: string;
  status: 'imported' | 'rejected';
  /** Rejected: every failing column and why. */
  errors?: FieldIssue[];
}

export interface CsvImportResult {
  imported: number;
  rejected: number;
  /** One result per data row, in file order. */
  rows: CsvRowResult[];
}

export const rejectedRow = (row: number, id: string, errors: FieldIssue[]): CsvRowResult => ({
  row,
  id,
  status: 'rejected',
  errors,
});

export function summarise(rows: CsvRowResult[]): CsvImportResult {
  const sorted = [...rows].sort((a, b) => a.row - b.row);
  const imported = sorted.filter((row) => row.status === 'imported').length;
  return { imported, rejected: sorted.length - imported, rows: sorted };
}

/**
 * The answer of an import that writes every row or none: the rejected rows alone when there are any (the valid
 * ones were not written either), otherwise every row imported.
 */
export function allOrNothing(rows: CsvRowResult[]): CsvImportResult {
  const rejected = rows.filter((row) => row.status === 'rejected');
  return rejected.length === 0 ? summarise(rows) : { ...summarise(rejected), imported: 0 };
}

/** 200 when every row was imported, 207 when some were rejected and the others imported, 400 when none was. */
export function importStatusOf(result: CsvImportResult): HttpStatus {
  if (result.rejected === 0) return HttpStatus.OK;
  return result.imported === 0 ? HttpStatus.BAD_REQUEST : HttpStatus.MULTI_STATUS;
}
