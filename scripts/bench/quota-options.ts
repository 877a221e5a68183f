import { infrastructureAddresses } from '@handoff/testing';
import { benchFlags } from './bench-flags';

/** What one quota bench run does; every value can be set as `--name=value` or as the env var BENCH_NAME. */
export interface QuotaBenchOptions {
  /** Outcomes published as fast as the producer goes, for the throughput figures. */
  events: number;
  /** Arrival rate (outcomes/s) of the latency phase: below saturation, so latency is service time, not a queue. */
  rate: number;
  /** Seconds of the latency phase (rate × seconds outcomes). */
  rateSeconds: number;
  /** Outcomes applied before measuring, discarded: JIT, connections, first chunks. */
  warmupEvents: number;
  /** Reps with a revenue quota for the current fiscal quarter. */
  reps: number;
  /** Teams the reps are members of, in turn. */
  teams: number;
  /** The app's QUOTA_CHUNK_SIZE. */
  chunkSize: number;
  /** The app's QUOTA_PARTITIONS_CONCURRENTLY, also the bare consumer's. */
  partitionsConcurrently: number;
  /** Longest wait for one phase's outcomes to be applied before the run is called failed. */
  timeoutSeconds: number;
  /** When set, the quota app runs with --cpu-prof and its profile summary is printed (on stderr). */
  cpuProfDir?: string;
  brokers: string[];
  databaseUrl: string;
}

/** Sized so a full run stays within a couple of minutes on a 2-core machine; the rate sits well below saturation. */
const DEFAULTS = {
  events: 20_000,
  rate: 20,
  rateSeconds: 20,
  warmupEvents: 1_000,
  reps: 500,
  teams: 20,
  chunkSize: 500,
  partitionsConcurrently: 3,
  timeoutSeconds: 300,
};

export const QUOTA_USAGE = `npm run bench:quota -- [--events=${DEFAULTS.events}] [--rate=${DEFAULTS.rate}] \
[--rate-seconds=${DEFAULTS.rateSeconds}] [--warmup-events=${DEFAULTS.warmupEvents}] [--reps=${DEFAULTS.reps}] \
[--teams=${DEFAULTS.teams}] [--chunk-size=${DEFAULTS.chunkSize}] \
[--partitions-concurrently=${DEFAULTS.partitionsConcurrently}] [--timeout-seconds=${DEFAULTS.timeoutSeconds}] \
[--cpu-prof-dir=DIR]
(each flag also reads BENCH_<NAME>, e.g. BENCH_EVENTS; KAFKA_BROKERS, DATABASE_URL as the services do)`;

export function parseQuotaOptions(argv: readonly string[], env: NodeJS.ProcessEnv): QuotaBenchOptions {
  const { value, positive, count } = benchFlags(argv, env);
  const { kafkaBrokers, databaseUrl } = infrastructureAddresses(env);
  const reps = count('reps', DEFAULTS.reps);
  return {
    events: count('events', DEFAULTS.events),
    rate: positive('rate', DEFAULTS.rate),
    rateSeconds: positive('rate-seconds', DEFAULTS.rateSeconds),
    warmupEvents: count('warmup-events', DEFAULTS.warmupEvents),
    reps,
    teams: Math.min(reps, count('teams', DEFAULTS.teams)),
    chunkSize: count('chunk-size', DEFAULTS.chunkSize),
    partitionsConcurrently: count('partitions-concurrently', DEFAULTS.partitionsConcurrently),
    timeoutSeconds: count('timeout-seconds', DEFAULTS.timeoutSeconds),
    cpuProfDir: value('cpu-prof-dir'),
    brokers: kafkaBrokers,
    databaseUrl,
  };
}
