import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { CatchUp } from './pipeline-catch-up';
import { latencyChartSvg } from './pipeline-chart';
import type { PipelineOptions } from './pipeline-options';
import { PIPELINE_APPS, type StepResult } from './pipeline-step';

export interface RateStep {
  rate: number;
  result: StepResult;
}

export interface LeadsRun {
  leads: number;
  seedSeconds: number;
  steps: RateStep[];
  /** Accepted events/s of the highest step that kept up; 0 when none did. */
  sustainedRate: number;
  half?: RateStep;
  /** Scoring working off a backlog alone, with one and with two replicas. */
  catchUps?: CatchUp[];
}

/** The targets of issue 11 on a 2-core machine. */
export const TARGETS = { sustainedEventsPerSecond: 3000, scoredP99Ms: 250, routedP99Ms: 1000, leadGrowthRatio: 0.8 };

export interface PipelineSummary {
  date: string;
  machine: string;
  runs: LeadsRun[];
  bareEventsPerSecond: number;
  ratioToBare: number;
  /** Sustained rate with the most leads over the one with the fewest. */
  leadGrowthRatio?: number;
}

export function summaryOf(runs: LeadsRun[], bare: number): PipelineSummary {
  const first = runs[0];
  const last = runs.at(-1);
  return {
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
    runs,
    bareEventsPerSecond: bare,
    ratioToBare: (first?.sustainedRate ?? 0) / bare,
    leadGrowthRatio: runs.length > 1 && first && last ? last.sustainedRate / first.sustainedRate : undefined,
  };
}

/** Prints the Markdown report and writes it with the JSON and the chart as `<outDir>/pipeline-latest.*`. */
export function writePipelineResults(outDir: string, options: PipelineOptions, runs: LeadsRun[], bare: number): void {
  const summary = summaryOf(runs, bare);
  const markdown = markdownOf(summary, options);
  console.log(markdown);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'pipeline-latest.json'), `${JSON.stringify({ options, ...summary }, null, 2)}\n`);
  writeFileSync(join(outDir, 'pipeline-latest.md'), markdown);
  writeFileSync(join(outDir, 'pipeline-latest.svg'), chartOf(summary));
}

export function markdownOf(summary: PipelineSummary, options: PipelineOptions): string {
  const lines = [
    `# Pipeline benchmark, ${summary.date.slice(0, 10)}`,
    '',
    `${summary.machine}; batches of ${options.batchSize} events to ingest's HTTP API, ${options.stepSeconds} s per rate.`,
    '',
    '| leads | offered/s | accepted/s | drain s | scored p50/p95/p99/max ms | routed p50/p95/p99/max ms | CPU-ms per 1k events (ingest/scoring/routing/quota) | writes/event | kept up |',
    '| ---: | ---: | ---: | ---: | --- | --- | --- | ---: | --- |',
    ...summary.runs.flatMap((run) =>
      [...run.steps, ...(run.half ? [{ ...run.half, note: ' (half)' }] : [])].map((step) =>
        stepRow(run.leads, step as RateStep & { note?: string }),
      ),
    ),
    '',
    ...summary.runs.map(
      (run) =>
        `- ${run.leads.toLocaleString('en')} leads (seeded in ${run.seedSeconds.toFixed(0)} s): highest sustained ${run.sustainedRate.toFixed(0)} events/s` +
        (run.half
          ? `; at half of it p99 event→scored ${fmt(run.half.result.scored.p99Ms)} ms (target ≤ ${TARGETS.scoredP99Ms}), event→routed ${fmt(run.half.result.routed.p99Ms)} ms (target ≤ ${TARGETS.routedP99Ms})`
          : '') +
        (run.catchUps
          ? `; scoring alone working off a backlog: ${run.catchUps.map((c) => `${c.eventsPerSecond.toFixed(0)} events/s with ${c.replicas} replica${c.replicas > 1 ? 's' : ''}`).join(', ')}`
          : ''),
    ),
    `- bare kafkajs produce → consume → produce of the same events: ${summary.bareEventsPerSecond.toFixed(0)} events/s; pipeline/bare ${summary.ratioToBare.toFixed(3)}× (target sustained ≥ ${TARGETS.sustainedEventsPerSecond} events/s)`,
    ...(summary.leadGrowthRatio === undefined
      ? []
      : [
          `- sustained rate with ${summary.runs.at(-1)?.leads.toLocaleString('en')} leads over ${summary.runs[0].leads.toLocaleString('en')}: ${summary.leadGrowthRatio.toFixed(2)} (target ≥ ${TARGETS.leadGrowthRatio})`,
        ]),
    '',
  ];
  return lines.join('\n');
}

function stepRow(leads: number, step: RateStep & { note?: string }): string {
  const { result } = step;
  const latency = (f: StepResult['scored']) =>
    f.count === 0 ? '—' : `${fmt(f.p50Ms)}/${fmt(f.p95Ms)}/${fmt(f.p99Ms)}/${fmt(f.maxMs)} (n=${f.count})`;
  const cpu = PIPELINE_APPS.map((app) => result.cpuMsPerThousandEvents[app].toFixed(0)).join('/');
  return `| ${leads.toLocaleString('en')} | ${step.rate}${step.note ?? ''} | ${result.acceptedPerSecond.toFixed(0)} | ${result.drainSeconds.toFixed(1)} | ${latency(result.scored)} | ${latency(result.routed)} | ${cpu} | ${result.writesPerEvent.total.toFixed(2)} | ${result.sustained ? 'yes' : `no (${result.failures})`} |`;
}

function chartOf(summary: PipelineSummary): string {
  return latencyChartSvg(
    'Handoff pipeline: p99 latency vs arrival rate',
    summary.runs.flatMap((run) => [
      {
        label: `scored, ${run.leads.toLocaleString('en')} leads`,
        points: run.steps.map((s) => ({ x: s.rate, y: s.result.scored.p99Ms })),
      },
      {
        label: `routed, ${run.leads.toLocaleString('en')} leads`,
        points: run.steps.map((s) => ({ x: s.rate, y: s.result.routed.p99Ms })),
        dashed: true,
      },
    ]),
  );
}

const fmt = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(0) : '—');
