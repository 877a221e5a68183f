import { infrastructureAddresses } from '@handoff/testing';
import { benchFlags } from './bench-flags';

/** What one bench run does; every value can be set as `--name=value` or as the env var BENCH_NAME. */
export interface BenchOptions {
  /** Requests per second of the single-event scenario (one event each). */
  singleRate: number;
  /** Requests per second of the batch scenario. */
  batchRate: number;
  /** Events per batch request. */
  batchSize: number;
  /** Seconds of load before measuring, discarded: JIT, connection pools, first leads. */
  warmupSeconds: number;
  /** Seconds measured per scenario. */
  measureSeconds: number;
  /** Share of events from first-time visitors, whose lead is created (the rest come from returning ones). */
  newVisitorShare: number;
  /** Sockets of the HTTP client's keep-alive agent: enough that the client never queues requests. */
  maxSockets: number;
  /** When set, the ingest app runs with --cpu-prof and its profile summary is printed. */
  cpuProfDir?: string;
  /** Times the app's PostgreSQL, Redis and Kafka round trips per measured phase (io-timing.preload.js). */
  ioTiming: boolean;
  /** Only these scenarios (comma-separated: ingest-single, kafka-single, ingest-batch, kafka-batch). */
  only?: string[];
  brokers: string[];
  databaseUrl: string;
  redisUrl: string;
}

/**
 * Defaults fit a 2-core machine running Kafka, PostgreSQL, Redis, the app and this client at once: below
 * ingest's knee, where latency is still mostly service time rather than a growing queue. Measured there
 * (Nov 2026): single events queue from ~80-100 req/s on (one Kafka produce per request, serialised by the
 * idempotent producer), batches of 100 from ~40 req/s on since identity resolution works in bulk (the two
 * cores saturate, then batches sharing a person wait for each other's identity transaction). The bare producer
 * alone goes ~5x further.
 */
const DEFAULTS = {
  singleRate: 50,
  batchRate: 5,
  batchSize: 100,
  warmupSeconds: 5,
  measureSeconds: 15,
  newVisitorShare: 0.25,
  maxSockets: 512,
};

export const USAGE = `npm run bench:ingest -- [--single-rate=${DEFAULTS.singleRate}] [--batch-rate=${DEFAULTS.batchRate}] \
[--batch-size=${DEFAULTS.batchSize}] [--warmup-seconds=${DEFAULTS.warmupSeconds}] \
[--measure-seconds=${DEFAULTS.measureSeconds}] [--new-visitor-share=${DEFAULTS.newVisitorShare}] [--max-sockets=${DEFAULTS.maxSockets}] \
[--cpu-prof-dir=DIR] [--io-timing] [--only=ingest-single,kafka-single,ingest-batch,kafka-batch]
(each flag also reads BENCH_<NAME>, e.g. BENCH_SINGLE_RATE; KAFKA_BROKERS, DATABASE_URL, REDIS_URL as the services do)`;

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const { value, positive, enabled } = benchFlags(argv, env);
  const { kafkaBrokers, databaseUrl, redisUrl } = infrastructureAddresses(env);
  return {
    singleRate: positive('single-rate', DEFAULTS.singleRate),
    batchRate: positive('batch-rate', DEFAULTS.batchRate),
    batchSize: Math.round(positive('batch-size', DEFAULTS.batchSize)),
    warmupSeconds: positive('warmup-seconds', DEFAULTS.warmupSeconds),
    measureSeconds: positive('measure-seconds', DEFAULTS.measureSeconds),
    newVisitorShare: Math.min(1, positive('new-visitor-share', DEFAULTS.newVisitorShare)),
    maxSockets: Math.round(positive('max-sockets', DEFAULTS.maxSockets)),
    cpuProfDir: value('cpu-prof-dir'),
    ioTiming: enabled('io-timing'),
    only: value('only')
      ?.split(',')
      .map((name) => name.trim()),
    brokers: kafkaBrokers,
    databaseUrl,
    redisUrl,
  };
}
