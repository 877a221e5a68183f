import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions } from './bench-options';
import type { IoTiming } from './ingest-app';
import type { ScenarioStats } from './latency-stats';

/** The lines a README quotes a run with: when, on what, with which versions. */
export function machineHeader(root: string): string[] {
  const cpu = cpus();
  return [
    `date:    ${new Date().toISOString()}`,
    `machine: ${cpu[0]?.model.trim() ?? 'unknown cpu'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    `node:    ${process.version}    kafka: ${kafkaVersion(root)} (single KRaft broker, RF 1)    commit: ${commitOf(root)}`,
  ];
}

export function settingsLine(options: BenchOptions): string {
  return (
    `load:    open loop, fixed arrival rate; single = ${options.singleRate} req/s × 1 event, ` +
    `batch = ${options.batchRate} req/s × ${options.batchSize} events; ` +
    `${options.warmupSeconds} s warm-up + ${options.measureSeconds} s measured per scenario; ` +
    `${Math.round(options.newVisitorShare * 100)}% of events from first-time visitors`
  );
}

function kafkaVersion(root: string): string {
  const pom = readFileSync(join(root, 'scripts/infra/kafka/pom.xml'), 'utf8');
  return /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1] ?? 'unknown';
}

function commitOf(root: string): string {
  try {
    const run = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
    return `${run('rev-parse', '--short', 'HEAD')}${run('status', '--porcelain') ? ' (+ local changes)' : ''}`;
  } catch {
    return 'unknown';
  }
}

const COLUMNS = [
  'scenario',
  'req/s',
  'offered ev/s',
  'accepted ev/s',
  'p50 ms',
  'p90 ms',
  'p99 ms',
  'max ms',
  'cpu %',
  'cpu ms/1k ev',
  'errors',
];

export function resultsTable(rows: readonly ScenarioStats[]): string[] {
  const cells = rows.map((row) => [
    row.name,
    String(row.requestsPerSecond),
    String(Math.round(row.offeredEventsPerSecond)),
    String(Math.round(row.acceptedEventsPerSecond)),
    ms(row.p50),
    ms(row.p90),
    ms(row.p99),
    ms(row.max),
    row.cpuPercentOfOneCore === undefined ? '-' : row.cpuPercentOfOneCore.toFixed(0),
    row.cpuMsPerThousandEvents === undefined ? '-' : row.cpuMsPerThousandEvents.toFixed(0),
    row.errors,
  ]);
  return [
    ...renderTable(COLUMNS, cells),
    'cpu: of the ingest app process (ingest rows) or of the bench process holding the kafkajs producer (kafka rows)',
  ];
}

/** Ingest next to the bare producer at the same load: what the service's work costs on top of Kafka's ack. */
export function ratioTable(rows: readonly ScenarioStats[]): string[] {
  const byName = new Map(rows.map((row) => [row.name, row]));
  const cells: string[][] = [];
  for (const kind of ['single', 'batch']) {
    const ingest = byName.get(`ingest-${kind}`);
    const baseline = byName.get(`kafka-${kind}`);
    if (!ingest || !baseline) continue;
    cells.push([
      kind,
      ratio(ingest.acceptedEventsPerSecond, baseline.acceptedEventsPerSecond),
      ratio(ingest.p50, baseline.p50),
      ratio(ingest.p99, baseline.p99),
      ratio(ingest.cpuMsPerThousandEvents ?? Number.NaN, baseline.cpuMsPerThousandEvents ?? Number.NaN),
    ]);
  }
  if (cells.length === 0) return [];
  return renderTable(['ingest / kafkajs', 'throughput', 'p50 latency', 'p99 latency', 'cpu per event'], cells);
}

export function ms(value: number): string {
  if (Number.isNaN(value)) return '-';
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

export function ratio(numerator: number, denominator: number): string {
  return denominator > 0 && Number.isFinite(numerator) ? `${(numerator / denominator).toFixed(2)}×` : '-';
}

export function renderTable(header: readonly string[], rows: readonly string[][]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)];
}

/** The app's round trips in one measured phase, the most time-consuming first. */
export function ioTimingTable(scenario: string, timing: IoTiming, requests: number): string[] {
  const rows = [...timing.operations]
    .sort((a, b) => b.count * b.meanMs - a.count * a.meanMs)
    .map((operation) => [
      operation.operation,
      (operation.count / requests).toFixed(2),
      ms(operation.meanMs),
      ms(operation.p50Ms),
      ms(operation.p99Ms),
    ]);
  const loop = timing.eventLoopDelay;
  return [
    `${scenario}: the app's round trips (per request = count / ${requests} requests)`,
    ...renderTable(['operation', 'per request', 'mean ms', 'p50 ms', 'p99 ms'], rows),
    `event loop delay: p50 ${ms(loop.p50Ms)} ms, p99 ${ms(loop.p99Ms)} ms, max ${ms(loop.maxMs)} ms`,
  ];
}
