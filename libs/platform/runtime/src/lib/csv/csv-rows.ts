import { ContractViolationError, type Constructor, type FieldIssue, validatePayload } from '@handoff/contracts';
import { type CsvRowResult, rejectedRow } from './csv-import-result';
import { type CsvColumn, type CsvRecord, type CsvTable, stringifyCsv } from './csv-table';

/** How one kind of record is written to and read from a CSV file. */
export interface CsvFormat<B extends object, P> {
  /** The file as messages name it, e.g. "reps CSV". */
  subject: string;
  /** Every column, in export order; `id` among them. */
  columns: readonly CsvColumn[];
  /** The DTO each row is validated against, with the JSON API's rules. */
  body: Constructor<B>;
  /** The plain body a record's cells stand for; a column absent from the file is absent from the body. */
  bodyOf(record: CsvRecord): Record<string, unknown>;
  /** A record's cells, in `columns` order. */
  cellsOf(profile: P): string[];
  /** The column a DTO field path (`workingHours.mon.0.end`) was read from, and the path inside it (`0.end`). */
  columnOf(path: string[]): { column: string; inner: string[] };
}

/** A row that passed its DTO rules, ready for the checks against what is stored. */
export interface CsvRow<B> {
  row: number;
  id: string;
  body: B;
}

/**
 * Validates every record on its own: its cell count, its DTO rules, and that its id does not repeat an earlier
 * row's. A failing record becomes a rejected result naming each failing column; the others are returned in order.
 */
export function readRows<B extends object, P>(
  table: CsvTable,
  format: CsvFormat<B, P>,
): { rows: CsvRow<B>[]; rejected: CsvRowResult[] } {
  const rows: CsvRow<B>[] = [];
  const rejected: CsvRowResult[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of table.records) {
    const id = record.cells.get('id') ?? '';
    const issues = cellCountIssues(record, table);
    const earlier = firstLineOf.get(id);
    if (earlier !== undefined) issues.push({ field: 'id', reasons: [`repeats the id of line ${earlier}`] });
    else if (id !== '') firstLineOf.set(id, record.line);
    const body = issues.length === 0 ? validated(record, format, issues) : undefined;
    if (body) rows.push({ row: record.line, id, body });
    else rejected.push(rejectedRow(record.line, id, issues));
  }
  return { rows, rejected };
}

function cellCountIssues(record: CsvRecord, table: CsvTable): FieldIssue[] {
  if (record.cellCount === table.columns.length) return [];
  const reason = `has ${record.cellCount} cells where the header names ${table.columns.length} columns`;
  return [{ field: '(row)', reasons: [reason] }];
}

/** The row's validated body, or undefined with its issues (by column) added to `issues`. */
function validated<B extends object, P>(
  record: CsvRecord,
  format: CsvFormat<B, P>,
  issues: FieldIssue[],
): B | undefined {
  try {
    return validatePayload(format.body, format.bodyOf(record), format.subject);
  } catch (error) {
    if (!(error instanceof ContractViolationError)) throw error;
    issues.push(...byColumn(error.issues, format));
    return undefined;
  }
}

/** Issues named by the column a user edits, an issue inside a list cell saying which item: "item 2: end must …". */
export function byColumn<B extends object, P>(issues: FieldIssue[], format: CsvFormat<B, P>): FieldIssue[] {
  const merged = new Map<string, string[]>();
  for (const issue of issues) {
    const { column, inner } = format.columnOf(issue.field.split('.'));
    const position = /^\d+$/.test(inner[0] ?? '') ? `item ${Number(inner[0]) + 1}: ` : '';
    merged.set(column, [...(merged.get(column) ?? []), ...issue.reasons.map((reason) => `${position}${reason}`)]);
  }
  return [...merged].map(([field, reasons]) => ({ field, reasons }));
}

/** The file of these records in the format: its header, then one row per record. */
export function writeRows<B extends object, P>(format: CsvFormat<B, P>, records: readonly P[]): string {
  return stringifyCsv(
    format.columns.map((column) => column.name),
    records.map((record) => format.cellsOf(record)),
  );
}
