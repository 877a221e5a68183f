import { infrastructureAddresses } from '@handoff/testing';
import { benchFlags } from './bench-flags';

/** What one routing bench run does; every value can be set as `--name=value` or as the env var BENCH_NAME. */
export interface RoutingBenchOptions {
  /** Qualified leads published as fast as the producer goes, for the throughput figures. */
  events: number;
  /** Arrival rate (leads/s) of the latency phase: below saturation, so latency is service time, not a queue. */
  rate: number;
  /** Seconds of the latency phase (rate × seconds leads). */
  rateSeconds: number;
  /** Leads routed (and forwarded by the baseline) before measuring, discarded: JIT, connections, first chunks. */
  warmupEvents: number;
  /** Reps in the `inbound` pool. */
  reps: number;
  /** The app's ROUTING_CHUNK_SIZE, also the baseline's records per produce and commit. */
  chunkSize: number;
  /** The app's ROUTING_PARTITIONS_CONCURRENTLY, also the baseline consumer's. */
  partitionsConcurrently: number;
  /** Longest wait for one phase's leads to arrive before the run is called failed. */
  timeoutSeconds: number;
  /** When set, the routing app runs with --cpu-prof and its profile summary is printed (on stderr). */
  cpuProfDir?: string;
  /** Times the app's PostgreSQL and Kafka round trips per phase (io-timing.preload.js). */
  ioTiming: boolean;
  brokers: string[];
  databaseUrl: string;
}

/**
 * Sized so a full run stays around a minute on a 2-core machine; the rate sits well below the throughput
 * measured there (see README "Benchmarks"), so the latency phase does not build a queue.
 */
const DEFAULTS = {
  events: 5000,
  rate: 20,
  rateSeconds: 20,
  warmupEvents: 300,
  reps: 50,
  chunkSize: 200,
  partitionsConcurrently: 3,
  timeoutSeconds: 300,
};

export const ROUTING_USAGE = `npm run bench:routing -- [--events=${DEFAULTS.events}] [--rate=${DEFAULTS.rate}] \
[--rate-seconds=${DEFAULTS.rateSeconds}] [--warmup-events=${DEFAULTS.warmupEvents}] [--reps=${DEFAULTS.reps}] \
[--chunk-size=${DEFAULTS.chunkSize}] [--partitions-concurrently=${DEFAULTS.partitionsConcurrently}] \
[--timeout-seconds=${DEFAULTS.timeoutSeconds}] [--cpu-prof-dir=DIR] [--io-timing]
(each flag also reads BENCH_<NAME>, e.g. BENCH_EVENTS; KAFKA_BROKERS, DATABASE_URL as the services do)`;

export function parseRoutingOptions(argv: readonly string[], env: NodeJS.ProcessEnv): RoutingBenchOptions {
  const { value, positive, count, enabled } = benchFlags(argv, env);
  const { kafkaBrokers, databaseUrl } = infrastructureAddresses(env);
  return {
    events: count('events', DEFAULTS.events),
    rate: positive('rate', DEFAULTS.rate),
    rateSeconds: positive('rate-seconds', DEFAULTS.rateSeconds),
    warmupEvents: count('warmup-events', DEFAULTS.warmupEvents),
    reps: count('reps', DEFAULTS.reps),
    chunkSize: count('chunk-size', DEFAULTS.chunkSize),
    partitionsConcurrently: count('partitions-concurrently', DEFAULTS.partitionsConcurrently),
    timeoutSeconds: count('timeout-seconds', DEFAULTS.timeoutSeconds),
    cpuProfDir: value('cpu-prof-dir'),
    ioTiming: enabled('io-timing'),
    brokers: kafkaBrokers,
    databaseUrl,
  };
}
