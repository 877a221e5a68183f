import type { ExportFormat } from './lead-score.query';
import type { LedgerView } from './ledger.reader';

const COLUMNS: ReadonlyArray<keyof LedgerView> = [
  'id',
  'kind',
  'eventId',
  'causeEventId',
  'ruleId',
  'modelVersion',
  'occurredAt',
  'recordedAt',
  'points',
  'previousAwarded',
  'awarded',
  'pointsAfterDecay',
  'cap',
  'mergedFromLeadId',
];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/** The header line the format starts with (empty for NDJSON). */
export function exportHeader(format: ExportFormat): string {
  return format === 'csv' ? `${COLUMNS.join(',')}\r\n` : '';
}

/** One line per ledger row: RFC 4180 CSV (CRLF, quoted when needed) or one JSON object per line. */
export function exportLines(format: ExportFormat, rows: readonly LedgerView[]): string {
  if (format === 'ndjson') return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
  return rows.map((row) => `${COLUMNS.map((column) => csvField(row[column])).join(',')}\r\n`).join('');
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
