/**
 * Preloaded into the ingest app by `npm run bench:ingest -- --io-timing` (node -r): times every round trip
 * the app makes to PostgreSQL (per statement shape), Redis (commands and pipelines) and Kafka (produce
 * calls), and the event loop's delay, without touching the app's code. SIGUSR2 writes what was measured
 * since the previous SIGUSR2 to $BENCH_IO_TIMING_FILE (JSON) and starts over, so the bench can bracket
 * each measured phase.
 */
const { writeFileSync } = require('node:fs');
const { monitorEventLoopDelay, performance } = require('node:perf_hooks');

const outputFile = process.env.BENCH_IO_TIMING_FILE;
/** The loop-delay histogram records whole sampling intervals; this much of each is the interval itself. */
const LOOP_SAMPLING_MS = 10;
let samples = new Map();
let loopDelay = monitorEventLoopDelay({ resolution: LOOP_SAMPLING_MS });
loopDelay.enable();

function record(operation, startedAt) {
  const durations = samples.get(operation) ?? [];
  durations.push(performance.now() - startedAt);
  samples.set(operation, durations);
}

/** Times a call that returns a promise (or takes a trailing callback), charging it to `operation`. */
function timed(original, operationOf) {
  return function timedCall(...args) {
    const operation = operationOf.apply(this, args);
    if (!operation) return original.apply(this, args);
    const startedAt = performance.now();
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last];
      args[last] = function timedCallback(...results) {
        record(operation, startedAt);
        return callback.apply(this, results);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result && typeof result.then === 'function') {
      result.then(
        () => record(operation, startedAt),
        () => record(`${operation} (failed)`, startedAt),
      );
    }
    return result;
  };
}

/** "SELECT count(pg_advisory_xact_lock($1, k))…" → a short label; values are parameters, never in the SQL. */
function statementShape(statement) {
  const text = typeof statement === 'string' ? statement : statement?.text;
  if (typeof text !== 'string') return undefined;
  return `pg ${text.replace(/\s+/g, ' ').trim().slice(0, 60)}`;
}

function instrumentPostgres() {
  const { Client } = require('pg');
  Client.prototype.query = timed(Client.prototype.query, statementShape);
}

function instrumentRedis() {
  const Redis = require('ioredis');
  const Pipeline = require('ioredis/built/Pipeline').default;
  // Commands sent as part of a pipeline carry its stream; they are timed as the pipeline.
  Redis.prototype.sendCommand = timed(Redis.prototype.sendCommand, (command, stream) =>
    stream ? undefined : `redis ${command.name}`,
  );
  Pipeline.prototype.exec = timed(Pipeline.prototype.exec, function pipelineShape() {
    const names = [...new Set(this._queue.map((command) => command.name))].join('+');
    return `redis pipeline(${names})`;
  });
}

function instrumentKafka() {
  const { Kafka } = require('kafkajs');
  const createProducer = Kafka.prototype.producer;
  Kafka.prototype.producer = function instrumentedProducer(...args) {
    const producer = createProducer.apply(this, args);
    producer.send = timed(producer.send, () => 'kafka producer.send');
    producer.sendBatch = timed(producer.sendBatch, () => 'kafka producer.sendBatch');
    return producer;
  };
}

function percentile(sorted, fraction) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

function report() {
  const operations = [...samples].map(([operation, durations]) => {
    const sorted = [...durations].sort((a, b) => a - b);
    const total = sorted.reduce((sum, value) => sum + value, 0);
    return {
      operation,
      count: sorted.length,
      meanMs: total / sorted.length,
      p50Ms: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
    };
  });
  const lateBy = (nanoseconds) => Math.max(0, nanoseconds / 1e6 - LOOP_SAMPLING_MS);
  const eventLoopDelay = {
    p50Ms: lateBy(loopDelay.percentile(50)),
    p99Ms: lateBy(loopDelay.percentile(99)),
    maxMs: lateBy(loopDelay.max),
  };
  return { operations, eventLoopDelay };
}

instrumentPostgres();
instrumentRedis();
instrumentKafka();

process.on('SIGUSR2', () => {
  if (outputFile) writeFileSync(outputFile, JSON.stringify(report()));
  samples = new Map();
  loopDelay.disable();
  loopDelay = monitorEventLoopDelay({ resolution: LOOP_SAMPLING_MS });
  loopDelay.enable();
});
