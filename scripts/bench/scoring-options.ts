import { infrastructureAddresses } from '@handoff/testing';
import { benchFlags } from './bench-flags';

/** What one scoring bench run does; every value can be set as `--name=value` or as the env var BENCH_NAME. */
export interface ScoringBenchOptions {
  /** Engagement events produced and then consumed, by the scoring app and by the bare consumer. */
  events: number;
  /** Distinct leads the events belong to (about events / leads each). */
  leads: number;
  /** The app's SCORING_CHUNK_SIZE: messages of one partition applied per transaction. */
  chunkSize: number;
  /** The app's SCORING_PARTITIONS_CONCURRENTLY, also used by the bare consumer. */
  partitionsConcurrently: number;
  /** Longest wait for the app to apply every event before the run is called failed. */
  timeoutSeconds: number;
  /** When set, the scoring app runs with --cpu-prof and its profile summary is printed (on stderr). */
  cpuProfDir?: string;
  brokers: string[];
  databaseUrl: string;
}

/** Sized so a full run (produce, scoring, baseline, cleanup) stays under ~2 minutes on a 2-core machine. */
const DEFAULTS = { events: 30_000, leads: 3_000, chunkSize: 200, partitionsConcurrently: 3, timeoutSeconds: 90 };

export const SCORING_USAGE = `npm run bench:scoring -- [--events=${DEFAULTS.events}] [--leads=${DEFAULTS.leads}] \
[--chunk-size=${DEFAULTS.chunkSize}] [--partitions-concurrently=${DEFAULTS.partitionsConcurrently}] \
[--timeout-seconds=${DEFAULTS.timeoutSeconds}] [--cpu-prof-dir=DIR]
(each flag also reads BENCH_<NAME>, e.g. BENCH_EVENTS; KAFKA_BROKERS, DATABASE_URL as the services do)`;

export function parseScoringOptions(argv: readonly string[], env: NodeJS.ProcessEnv): ScoringBenchOptions {
  const { value, count } = benchFlags(argv, env);
  const events = count('events', DEFAULTS.events);
  const { kafkaBrokers, databaseUrl } = infrastructureAddresses(env);
  return {
    events,
    leads: Math.min(events, count('leads', DEFAULTS.leads)),
    chunkSize: count('chunk-size', DEFAULTS.chunkSize),
    partitionsConcurrently: count('partitions-concurrently', DEFAULTS.partitionsConcurrently),
    timeoutSeconds: count('timeout-seconds', DEFAULTS.timeoutSeconds),
    cpuProfDir: value('cpu-prof-dir'),
    brokers: kafkaBrokers,
    databaseUrl,
  };
}
