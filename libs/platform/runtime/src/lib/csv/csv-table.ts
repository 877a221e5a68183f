import { CsvError, type Info, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { BODY_FIELD, type FieldIssue } from '@handoff/contracts';
import { DomainError } from '@handoff/shared-errors';

export const CSV_MEDIA_TYPE = 'text/csv';

/** A column of a CSV format; a required one must be in the header. */
export interface CsvColumn {
  name: string;
  required: boolean;
}

/** One data record: its cells by column name and the 1-based line it starts on (the header is line 1). */
export interface CsvRecord {
  line: number;
  cells: ReadonlyMap<string, string>;
  /** Cells in the record beyond or short of the header's count, if any. */
  cellCount: number;
}

export interface CsvTable {
  columns: string[];
  records: CsvRecord[];
}

/**
 * Reads a CSV file whose first line names its columns (any order; unknown, repeated or missing required
 * columns reject the whole file). Cells are trimmed; empty lines are skipped; CRLF, LF and a UTF-8 BOM are
 * accepted. Records are returned as they are: checking their cell count is the caller's per-row business.
 */
export function parseCsvTable(text: unknown, subject: string, formatColumns: readonly CsvColumn[]): CsvTable {
  if (typeof text !== 'string') throw invalidFile(`send the ${subject} with Content-Type: ${CSV_MEDIA_TYPE}`);
  const parsed = parseRecords(text);
  if (parsed.length === 0) throw invalidFile(`the ${subject} is empty: its first line must name the columns`);
  const [header, ...records] = parsed;
  const columns = header.cells;
  const issues = headerIssues(columns, formatColumns);
  if (issues.length > 0) {
    throw new DomainError('invalid', `the ${subject} header is invalid`, { details: issues });
  }
  return {
    columns,
    records: records.map(({ line, cells }) => ({
      line,
      cellCount: cells.length,
      cells: new Map(columns.map((column, index) => [column, cells[index] ?? ''])),
    })),
  };
}

/** A CSV file: the header line, then one line per row (cells quoted where needed). */
export function stringifyCsv(columns: readonly string[], rows: readonly string[][]): string {
  return stringify([columns as string[], ...(rows as string[][])]);
}

interface RawRecord {
  line: number;
  cells: string[];
}

function parseRecords(text: string): RawRecord[] {
  try {
    // csv-parse miscounts lines of CRLF files; one line ending makes its `lines` exact.
    const parsed = parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as { record: string[]; info: Info }[];
    // `lines` is where a record ends; a quoted cell may span lines.
    return parsed.map(({ record, info }) => ({ line: info.lines - newlinesIn(record), cells: record }));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // The parser's message may quote the file; name only the problem and where it is.
    const where = 'lines' in error && typeof error.lines === 'number' ? ` at line ${error.lines}` : '';
    throw invalidFile(`the body is not valid CSV${where} (${error.code})`);
  }
}

function newlinesIn(cells: string[]): number {
  return cells.reduce((count, cell) => count + (cell.match(/\n/g)?.length ?? 0), 0);
}

function headerIssues(columns: string[], formatColumns: readonly CsvColumn[]): FieldIssue[] {
  const known = new Set(formatColumns.map((column) => column.name));
  const names = formatColumns.map((column) => column.name).join(', ');
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  for (const column of columns) {
    if (!known.has(column))
      issues.push({ field: column, reasons: [`is not a column of this file (columns: ${names})`] });
    else if (seen.has(column)) issues.push({ field: column, reasons: ['appears twice in the header'] });
    seen.add(column);
  }
  for (const { name, required } of formatColumns) {
    if (required && !seen.has(name)) issues.push({ field: name, reasons: ['is a required column and is missing'] });
  }
  return issues;
}

function invalidFile(reason: string): DomainError {
  return new DomainError('invalid', reason, { details: [{ field: BODY_FIELD, reasons: [reason] }] });
}
