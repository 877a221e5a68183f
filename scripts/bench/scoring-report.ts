import type { ScoringBenchOptions } from './scoring-options';
import type { OutboxCounts, TableWrites } from './scoring-database';
import { ratio, renderTable } from './bench-report';

export interface ConsumerRow {
  name: string;
  events: number;
  /** Applied (or consumed) before the measured window started: the app may take a first chunk before it is ready. */
  before: number;
  seconds: number;
  cpuSeconds?: number;
}

export function scoringSettingsLine(options: ScoringBenchOptions, partitions: number): string {
  return (
    `load:    ${options.events} engagement.recorded.v1 events for ${options.leads} fresh leads, produced before ` +
    `consuming (${partitions} partitions); scoring with SCORING_CHUNK_SIZE=${options.chunkSize}, ` +
    `SCORING_PARTITIONS_CONCURRENTLY=${options.partitionsConcurrently}, sweep off, default model`
  );
}

function perSecond(row: ConsumerRow): number {
  return (row.events - row.before) / row.seconds;
}

function cpuPerThousand(row: ConsumerRow): number {
  return row.cpuSeconds === undefined ? Number.NaN : (row.cpuSeconds * 1000) / ((row.events - row.before) / 1000);
}

export function consumersTable(scoring: ConsumerRow, baseline: ConsumerRow): string[] {
  const cells = [scoring, baseline].map((row) => [
    row.name,
    String(row.events),
    String(row.before),
    row.seconds.toFixed(2),
    String(Math.round(perSecond(row))),
    Number.isNaN(cpuPerThousand(row)) ? '-' : cpuPerThousand(row).toFixed(0),
  ]);
  return [
    ...renderTable(['consumer', 'events', 'before ready', 'ready→done s', 'events/s', 'cpu ms/1k ev'], cells),
    'ready: scoring = /health/ready answered 200 (consumer group joined); kafkajs = GROUP_JOIN. events/s counts ' +
      'only events applied after ready. cpu: the scoring process (outbox relay included) / the bench process',
    '',
    ...renderTable(
      ['scoring / kafkajs', 'throughput', 'cpu per event'],
      [
        [
          'ratio',
          ratio(perSecond(scoring), perSecond(baseline)),
          ratio(cpuPerThousand(scoring), cpuPerThousand(baseline)),
        ],
      ],
    ),
  ];
}

export function writesTable(
  writes: TableWrites[],
  events: number,
  outbox: OutboxCounts,
  drainSeconds?: number,
): string[] {
  const cells = writes.map((row) => [
    row.table,
    String(row.inserted),
    String(row.updated),
    String(row.deleted),
    ((row.inserted + row.updated + row.deleted) / events).toFixed(2),
  ]);
  const total = writes.reduce((sum, row) => sum + row.inserted + row.updated + row.deleted, 0);
  cells.push(['total', '', '', '', (total / events).toFixed(2)]);
  return [
    'database writes: rows inserted + updated + deleted per table of the bench schema (pg_stat_user_tables ' +
      'n_tup_ins/n_tup_upd/n_tup_del, delta from app ready to app stopped), per event applied',
    ...renderTable(['table', 'inserted', 'updated', 'deleted', 'rows/event'], cells),
    `outbox: ${outbox.total} messages (${(outbox.total / events).toFixed(2)} per event), ` +
      `${outbox.qualified} lead.qualified.v1; ` +
      (drainSeconds === undefined
        ? `${outbox.unpublished} still unpublished when the app stopped`
        : `all published ${drainSeconds.toFixed(2)} s after the last event was applied`),
  ];
}
