import type { PhaseFigures } from './arrival-latency';
import { ms, ratio, renderTable } from './bench-report';
import type { RoutingBenchOptions } from './routing-options';

export interface PhaseRow {
  name: string;
  figures: PhaseFigures;
  /** Routing only: CPU of the app process per 1,000 leads (its outbox relay included). */
  cpuMsPerThousand?: number;
}

export interface ModeRows {
  routing: PhaseRow;
  baseline: PhaseRow;
}

export interface ExactlyOnce {
  published: number;
  once: number;
  missing: number;
  duplicated: number;
  routedRecords: number;
  foreign: number;
  assignments: number;
  assigned: number;
  queued: number;
}

export function routingSettingsLines(options: RoutingBenchOptions, zones: number, partitions: number): string[] {
  return [
    `load:    ${options.warmupEvents} warm-up leads (discarded), then ${options.events} lead.qualified.v2 at full ` +
      `speed, then ${options.rate}/s for ${options.rateSeconds} s (open loop); ${partitions} partitions; every ` +
      `lead under 1,000 employees → rule inbound → pool inbound`,
    `pool:    ${options.reps} reps in ${zones} IANA time zones, weights 0.5–3, weighted round robin; the pool ` +
      `requires working hours and every rep works 00:00–24:00 daily on their own clock (checked, never out); ` +
      `no caps, no accounts`,
    `routing: ROUTING_CHUNK_SIZE=${options.chunkSize}, ROUTING_PARTITIONS_CONCURRENTLY=` +
      `${options.partitionsConcurrently}, rerouter on; baseline: kafkajs consume→produce, same chunking`,
  ];
}

function cells(row: PhaseRow): string[] {
  const { figures } = row;
  return [
    row.name,
    String(figures.records),
    figures.seconds.toFixed(2),
    String(Math.round(figures.perSecond)),
    ms(figures.p50Ms),
    ms(figures.p90Ms),
    ms(figures.p99Ms),
    ms(figures.maxMs),
    row.cpuMsPerThousand === undefined ? '-' : row.cpuMsPerThousand.toFixed(0),
  ];
}

const COLUMNS = ['', 'leads', 'seconds', 'leads/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'app cpu ms/1k'];

export function modeTable(title: string, rows: ModeRows): string[] {
  return renderTable([title, ...COLUMNS.slice(1)], [cells(rows.routing), cells(rows.baseline)]);
}

export function ratioTable(fullSpeed: ModeRows, fixedRate: ModeRows): string[] {
  const of = (rows: ModeRows, pick: (figures: PhaseFigures) => number) =>
    ratio(pick(rows.routing.figures), pick(rows.baseline.figures));
  return renderTable(
    ['routing / kafkajs', 'leads/s', 'p50 latency', 'p99 latency'],
    [
      ['full speed', of(fullSpeed, (f) => f.perSecond), of(fullSpeed, (f) => f.p50Ms), of(fullSpeed, (f) => f.p99Ms)],
      ['fixed rate', of(fixedRate, (f) => f.perSecond), of(fixedRate, (f) => f.p50Ms), of(fixedRate, (f) => f.p99Ms)],
    ],
  );
}

export const NOTES = [
  'seconds: first record handed to the producer → last output received; latency: publish → receipt of the ' +
    'output record (lead.routed.v1, or the baseline output) by a reader in the bench process',
];

/** Decisions committed vs records published: what the outbox relay adds on top of deciding. */
export function decidedLine(decidedSeconds: number | undefined, fullSpeed: PhaseRow): string {
  if (decidedSeconds === undefined) return 'decided: not observed';
  const { records, seconds } = fullSpeed.figures;
  return (
    `full speed, decided: all ${records} assignments committed ${decidedSeconds.toFixed(2)} s after the first ` +
    `publish (${Math.round(records / decidedSeconds)}/s); the last lead.routed.v1 arrived ` +
    `${(seconds - decidedSeconds).toFixed(2)} s later (outbox relay)`
  );
}

export function lockTimeoutLine(count: number): string {
  return (
    `decision lock: ${count} wait(s) cancelled by lock_timeout (55P03, DATABASE_LOCK_TIMEOUT_MS) over the run, ` +
    `each a chunk or rerouter run retried`
  );
}

export function exactlyOnceLine(check: ExactlyOnce): string {
  return (
    `exactly once: ${check.once} of ${check.published} qualifications routed exactly once ` +
    `(${check.missing} missing, ${check.duplicated} more than once; ${check.routedRecords} lead.routed.v1 records ` +
    `naming this run's reps); database: ${check.assignments} assignments for ${check.assigned} distinct ` +
    `qualifications, ${check.queued} queued; ${check.foreign} other publishers' qualifications routed by this app ` +
    `(ignored) → ${exactlyOnceHolds(check) ? 'OK' : 'FAILED'}`
  );
}

export function exactlyOnceHolds(check: ExactlyOnce): boolean {
  return (
    check.once === check.published &&
    check.routedRecords === check.published &&
    check.assignments === check.published &&
    check.assigned === check.published
  );
}
