import type { EngagementRecordedV1, LeadQualifiedV2, LeadRoutedV1 } from '@handoff/contracts';
import { expectedBooks, type RecordLine, type SentLine } from '../simulator';

/** One line of the books: how many the run expects, how many the platform shows, and how many once too often. */
export interface ReconciliationRow {
  check: string;
  expected: number;
  found: number;
  missing: number;
  duplicated: number;
}

/** What the platform shows after a run: its topics, and the event ids scoring applied (its inbox). */
export interface PlatformBooks {
  recorded: readonly EngagementRecordedV1[];
  qualified: readonly LeadQualifiedV2[];
  routed: readonly LeadRoutedV1[];
  appliedByScoring: ReadonlySet<string>;
  /** Ledger awards scoring wrote twice for the same event and rule (an event applied twice). */
  duplicatedAwards: number;
  /** Won revenue in quota's deal book, in cents, by `<rep id> <currency>`. */
  wonRevenueCents: ReadonlyMap<string, number>;
}

const ACKNOWLEDGED = new Set(['accepted', 'produced']);
const INGEST_INTERFACES = new Set(['native', 'segment', 'kafka']);

/**
 * Every acknowledged event recorded exactly once (HTTP answers name the event id; a Kafka message keeps the
 * simulator's id as correlation id), every recorded event applied by scoring once, every qualification routed
 * exactly once (its first assignment), and each rep's won revenue per currency exact to the cent.
 */
export function reconcileBooks(lines: readonly RecordLine[], books: PlatformBooks): ReconciliationRow[] {
  const acknowledged = lines.filter(
    (line): line is SentLine =>
      line.kind === 'sent' && INGEST_INTERFACES.has(line.interface) && ACKNOWLEDGED.has(line.status),
  );
  const byEventId = countBy(books.recorded, (event) => event.eventId);
  const byCorrelationId = countBy(books.recorded, (event) => event.correlationId);
  const recordedTimes = acknowledged.map((line) =>
    line.interface === 'kafka' ? (byCorrelationId.get(line.id) ?? 0) : (byEventId.get(line.eventId ?? '') ?? 0),
  );
  const recordedIds = [...byEventId.keys()];
  const firstAssignments = countBy(
    books.routed.filter((routed) => routed.attempt === 1),
    (routed) => routed.qualificationId,
  );
  const qualificationIds = [...new Set(books.qualified.map((event) => event.eventId))];
  return [
    row('acknowledged → engagement.recorded.v1', recordedTimes),
    {
      ...row(
        'recorded → applied by scoring',
        recordedIds.map((id) => (books.appliedByScoring.has(id) ? 1 : 0)),
      ),
      duplicated: books.duplicatedAwards,
    },
    row(
      'qualified → routed (attempt 1)',
      qualificationIds.map((id) => firstAssignments.get(id) ?? 0),
    ),
    revenueRow(lines, books.wonRevenueCents),
  ];
}

/**
 * Won revenue per rep and currency, each deal at its last reported amount, against quota's deal book: a pair
 * short of the simulator's total is missing, one above it counted something twice; equal to the cent is found.
 */
function revenueRow(lines: readonly RecordLine[], found: ReadonlyMap<string, number>): ReconciliationRow {
  const expected = new Map<string, number>();
  for (const [repId, perCurrency] of Object.entries(expectedBooks(lines).wonAmounts)) {
    for (const [currency, amount] of Object.entries(perCurrency)) {
      expected.set(`${repId} ${currency}`, Math.round((amount ?? 0) * 100));
    }
  }
  const pairs = [...new Set([...expected.keys(), ...found.keys()])];
  const gap = (pair: string) => (found.get(pair) ?? 0) - (expected.get(pair) ?? 0);
  return {
    check: 'won revenue per rep and currency, to the cent',
    expected: expected.size,
    found: pairs.filter((pair) => gap(pair) === 0).length,
    missing: pairs.filter((pair) => gap(pair) < 0).length,
    duplicated: pairs.filter((pair) => gap(pair) > 0).length,
  };
}

/** A row from how many times each expected item was found. */
function row(check: string, times: readonly number[]): ReconciliationRow {
  return {
    check,
    expected: times.length,
    found: times.filter((n) => n > 0).length,
    missing: times.filter((n) => n === 0).length,
    duplicated: times.filter((n) => n > 1).length,
  };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** No row missing or doubled anything; no rows at all (the books could not be read) is not reconciled. */
export function reconciled(rows: readonly ReconciliationRow[]): boolean {
  return rows.length > 0 && rows.every((r) => r.missing === 0 && r.duplicated === 0);
}

export function formatReconciliation(rows: readonly ReconciliationRow[]): string {
  const header = ['check', 'expected', 'found', 'missing', 'duplicated'];
  const cells = rows.map((r) => [r.check, ...[r.expected, r.found, r.missing, r.duplicated].map(String)]);
  return formatTable(header, cells);
}

/** A plain-text table, first column left-aligned, the others right-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((cells) => cells[i].length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
