import { Topics } from '@handoff/contracts';
import type { PhaseFigures } from './arrival-latency';
import { ms, ratio, renderTable } from './bench-report';
import type { QuotaBenchOptions } from './quota-options';

export interface ThroughputRow {
  name: string;
  outcomes: number;
  seconds: number;
  cpuSeconds?: number;
}

export interface FullSpeed {
  quota: ThroughputRow;
  baseline: ThroughputRow;
  /** From the first record handed to the producer to the last one acknowledged. */
  publishSeconds: number;
  /** rep.capacity.v1 records the phase put in the outbox. */
  capacityRecords: number;
  /** From the last outcome committed to the last capacity record published by the outbox relay. */
  drainSeconds: number;
  /** Other publishers' records on the shared topics the app applied meanwhile (not counted as outcomes). */
  foreign: number;
}

export interface FixedRate {
  outcomes: number;
  /** From the first record published to the last outcome committed. */
  seconds: number;
  latency: PhaseFigures;
}

export function settingsLines(options: QuotaBenchOptions, periodId: string, mix: [string, number][]): string[] {
  const total = mix.reduce((sum, [, count]) => sum + count, 0);
  const inputs = [Topics.salesActivity, Topics.crmOutcome, Topics.leadRouted];
  return [
    `load:    ${options.warmupEvents} warm-up outcomes (discarded), then ${options.events} at full speed, then ` +
      `${options.rate}/s for ${options.rateSeconds} s (open loop), on ` +
      inputs.map((topic) => `${topic.name} (${topic.partitions} partitions)`).join(', '),
    `mix:     ${mix.map(([kind, count]) => `${kind} ${((100 * count) / total).toFixed(0)}%`).join(', ')}`,
    `books:   ${options.reps} reps, each with a EUR revenue quota for ${periodId} (150k–400k, linear curve), in ` +
      `${options.teams} teams; won deals 30% in USD (one USD→EUR rate); every record names its rep`,
    `quota:   QUOTA_CHUNK_SIZE=${options.chunkSize}, QUOTA_PARTITIONS_CONCURRENTLY=${options.partitionsConcurrently}, ` +
      `periodic capacity refresh out of the way (hourly); baseline: kafkajs consume-only, same partitions in parallel`,
  ];
}

const perSecond = (row: ThroughputRow) => row.outcomes / row.seconds;
const cpuPerThousand = (row: ThroughputRow) =>
  row.cpuSeconds === undefined ? Number.NaN : (row.cpuSeconds * 1e6) / row.outcomes;

export function fullSpeedTable(run: FullSpeed): string[] {
  const cells = [run.quota, run.baseline].map((row) => [
    row.name,
    String(row.outcomes),
    row.seconds.toFixed(2),
    String(Math.round(perSecond(row))),
    Number.isNaN(cpuPerThousand(row)) ? '-' : cpuPerThousand(row).toFixed(0),
  ]);
  return [
    ...renderTable(['full speed', 'outcomes', 'seconds', 'outcomes/s', 'cpu ms/1k'], cells),
    `quota: first record published → last outcome committed (its inbox count; publishing took ` +
      `${run.publishSeconds.toFixed(2)} s); kafkajs: group joined → last record of the same offset range read. ` +
      `cpu: the quota process (outbox relay included) / the bench process`,
    `capacity: ${run.capacityRecords} rep.capacity.v1 records (${(run.capacityRecords / run.quota.outcomes).toFixed(2)} ` +
      `per outcome: one per rep per chunk), all published ${run.drainSeconds.toFixed(2)} s after the last commit; ` +
      `${run.foreign} other publishers' records applied meanwhile (not counted)`,
    '',
    ...renderTable(
      ['quota / kafkajs', 'throughput', 'cpu per outcome'],
      [
        [
          'ratio',
          ratio(perSecond(run.quota), perSecond(run.baseline)),
          ratio(cpuPerThousand(run.quota), cpuPerThousand(run.baseline)),
        ],
      ],
    ),
  ];
}

export function fixedRateTable(rate: number, run: FixedRate): string[] {
  const { latency } = run;
  return [
    ...renderTable(
      ['fixed rate', 'outcomes', 'applied/s', 'samples', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'],
      [
        [
          `${rate}/s`,
          String(run.outcomes),
          String(Math.round(run.outcomes / run.seconds)),
          String(latency.records),
          ms(latency.p50Ms),
          ms(latency.p90Ms),
          ms(latency.p99Ms),
          ms(latency.maxMs),
        ],
      ],
    ),
    'latency: outcome published → receipt of the rep.capacity.v1 its chunk published (a chunk stamps its ' +
      "records with its first outcome's correlation id; samples: outcomes timed so, the rest shared a chunk)",
  ];
}
