// `npm run bench`: the whole pipeline (ingest → scoring → routing → quota as built processes on the local Kafka,
// PostgreSQL and Redis) at fixed arrival rates stepped up until it no longer keeps up, against databases pre-seeded
// with 10,000 and 1,000,000 leads, beside a bare kafkajs pass-through of the same events on the same broker.
// Prints the figures and writes bench/results/pipeline-latest.{json,md,svg} (README "Pipeline benchmark").
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Topics } from '@handoff/contracts';
import { parseScoringModel } from '@handoff/domain-scoring';
import {
  deleteGroup,
  seedDirectory,
  seedQuotas,
  simulatedSalesOrg,
  startHandoffStack,
  uniqueName,
  type ServiceProcess,
} from '@handoff/testing';
import { ArrivalReader } from './arrival-reader';
import { ensureInfra } from './bench-infra';
import { progress } from './bench-progress';
import { IngestTarget } from './ingest-target';
import { bareKafkaPassThrough } from './pipeline-baseline';
import { type PipelineOptions, pipelineOptions } from './pipeline-options';
import { type CatchUp, scoringCatchUp } from './pipeline-catch-up';
import { PipelineProbe } from './pipeline-probe';
import { type LeadsRun, writePipelineResults } from './pipeline-report';
import { seedLeads } from './pipeline-seed';
import { PIPELINE_APPS, type PipelineApp, runStep, type StepResult, type StepTarget } from './pipeline-step';
import { PipelineTraffic } from './pipeline-traffic';

const root = join(__dirname, '../..');

async function main(): Promise<void> {
  const options = pipelineOptions(process.argv.slice(2), process.env);
  ensureInfra(root);
  const model = parseScoringModel(parse(readFileSync(join(root, 'apps/scoring/models/default-model.yaml'), 'utf8')));
  const runs: LeadsRun[] = [];
  for (const leads of options.leadCounts) runs.push(await runWithLeads(options, leads, model.version));
  const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
  progress(`bare kafkajs pass-through of ${options.bareEvents} events`);
  const bare = await bareKafkaPassThrough(
    brokers,
    uniqueName('bare'),
    new PipelineTraffic('bare', 0, options.batchSize),
    options.bareEvents,
  );
  writePipelineResults(join(root, options.outDir), options, runs, bare);
}

async function runWithLeads(options: PipelineOptions, leads: number, modelVersion: string): Promise<LeadsRun> {
  const runId = uniqueName('pipe');
  const unlimited = { INGEST_RATE_LIMIT_PER_SECOND: '1000000', INGEST_RATE_LIMIT_BURST: '1000000' };
  // Reps never fill up, so every hot buyer is routed at once and routed latency is measured all along.
  const roomy = { QUOTA_DEFAULT_MAX_OPEN_LEADS: '100000' };
  progress(`${leads} leads: starting the four services`);
  const stack = await startHandoffStack(root, PIPELINE_APPS, { ingest: unlimited, quota: roomy });
  const replicas: ServiceProcess[] = [];
  const readerGroup = `bench.pipeline-reader.${runId}`;
  let reader: ArrivalReader | undefined;
  let ingest: IngestTarget | undefined;
  try {
    const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
    const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const seedStarted = Date.now();
    await seedLeads(databaseUrl, { ingest: stack.ingest.schema, scoring: stack.scoring.schema }, leads, modelVersion);
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    progress(`${leads} leads seeded in ${seedSeconds.toFixed(1)} s`);
    const org = simulatedSalesOrg();
    await seedDirectory(stack.routing, org);
    await seedQuotas(stack.quota, org);
    const source = await stack.ingest.admin<{ writeKey: string }>('/admin/sources', { name: 'pipeline bench' });
    ingest = new IngestTarget(stack.ingest.process.baseUrl, source.body.writeKey, 64);
    const probe = new PipelineProbe();
    reader = await ArrivalReader.start(brokers, readerGroup, [Topics.leadScored.name, Topics.leadRouted.name], (a) =>
      probe.arrived(a),
    );
    const target: StepTarget = {
      brokers,
      databaseUrl,
      processes: Object.fromEntries(PIPELINE_APPS.map((app) => [app, [stack[app].process]])) as Record<
        PipelineApp,
        ServiceProcess[]
      >,
      groups: Object.fromEntries(PIPELINE_APPS.map((app) => [app, stack[app].groupId])) as Record<PipelineApp, string>,
      schemas: Object.fromEntries(PIPELINE_APPS.map((app) => [app, stack[app].schema])) as Record<PipelineApp, string>,
      ingest,
      traffic: new PipelineTraffic(runId, leads, options.batchSize),
      probe,
      runId,
    };
    return await measure(options, target, leads, seedSeconds, async () => {
      const replica = await stack.scoring.process.startReplica();
      replicas.push(replica);
      await replica.waitForStatus('/health/ready', 200);
      return [stack.scoring.process, replica];
    });
  } finally {
    await reader?.stop().catch(() => undefined);
    await deleteGroup((process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','), readerGroup).catch(
      () => undefined,
    );
    ingest?.close();
    await Promise.all(replicas.map((replica) => replica.stop()));
    await stack.stop();
  }
}

/** Warm-up, the stepped rates until one is not sustained, half the sustained rate, then a second scoring replica. */
async function measure(
  options: PipelineOptions,
  target: StepTarget,
  leads: number,
  seedSeconds: number,
  addScoringReplica: () => Promise<ServiceProcess[]>,
): Promise<LeadsRun> {
  let step = 0;
  const next = async (rate: number, seconds: number, what: string): Promise<StepResult> => {
    const result = await runStep(target, step++, rate, seconds);
    progress(
      `${leads} leads, ${what} ${rate}/s: accepted ${result.acceptedPerSecond.toFixed(0)}/s, drain ${result.drainSeconds.toFixed(1)} s, scored p99 ${result.scored.p99Ms.toFixed(0)} ms${result.sustained ? '' : ' — NOT sustained'}`,
    );
    return result;
  };
  await next(options.rates[0], options.warmupSeconds, 'warm-up at');
  const steps: { rate: number; result: StepResult }[] = [];
  for (const rate of options.rates) {
    const result = await next(rate, options.stepSeconds, 'step at');
    steps.push({ rate, result });
    if (!result.sustained) break;
  }
  const sustained = steps.filter((s) => s.result.sustained).at(-1);
  const sustainedRate = sustained?.result.acceptedPerSecond ?? 0;
  const half = sustained
    ? {
        rate: Math.round(sustained.rate / 2),
        result: await next(Math.round(sustained.rate / 2), options.stepSeconds, 'half the sustained rate,'),
      }
    : undefined;
  let catchUps: CatchUp[] | undefined;
  if (options.scoringReplica && sustained) {
    const scoring = await addScoringReplica();
    catchUps = [];
    for (const replicas of [1, 2]) {
      const result = await scoringCatchUp(target, scoring, replicas, sustained.rate, options.stepSeconds);
      progress(
        `${leads} leads, scoring alone with ${replicas} replica(s): ${result.backlog} events in ${result.seconds.toFixed(1)} s`,
      );
      catchUps.push(result);
    }
  }
  return { leads, seedSeconds, steps, sustainedRate, half, catchUps };
}

main().catch((error: unknown) => {
  console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
