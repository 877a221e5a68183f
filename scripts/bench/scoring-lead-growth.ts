/**
 * `npm run bench:scoring-growth`: what one more engagement costs a lead with N history events, through the domain
 * functions the scoring session runs per event and per write (load the stored JSON, apply the engagement, evaluate
 * the lifecycle, compact, score, search when it goes cold, serialise). Pure CPU, no infrastructure. The history is
 * a steady product-usage stream (10 events a day), so N = 10,000 is about 2.7 years of activity; the lead is stored
 * as the service leaves it, compacted at its last write.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  applyEngagement,
  behaviourDropsBelowAt,
  compactionHorizon,
  compactLeadState,
  createLeadState,
  DAY_MS,
  evaluateLifecycle,
  mergeLeadStates,
  parseScoringModel,
  scoreInputOf,
  scoreLead,
  type Engagement,
  type LeadState,
  type ScoringModel,
} from '@handoff/domain-scoring';
import { machineHeader, ms, ratio, renderTable } from './bench-report';

const ROOT = resolve(__dirname, '../..');
const SIZES = [100, 1_000, 10_000];
const EVENTS_PER_DAY = 10;
const NOW_MS = Date.parse('2026-12-01T00:00:00.000Z');
/** Enough runs per size for a stable median without spending minutes on the largest lead. */
const MIN_RUNS = 7;
const TARGET_MS_PER_SIZE = 3_000;

const DEFAULT_MODEL = parseScoringModel(
  parseYaml(readFileSync(resolve(ROOT, 'apps/scoring/models/default-model.yaml'), 'utf8')),
);

/** The default model plus a product-usage rule: the high-volume stream that makes histories long. */
const MODEL: ScoringModel = {
  ...DEFAULT_MODEL,
  behaviour: {
    ...DEFAULT_MODEL.behaviour,
    rules: [
      ...DEFAULT_MODEL.behaviour.rules,
      {
        id: 'product-usage',
        label: 'Used the product',
        activityType: 'product_usage',
        filters: [],
        points: 2,
        frequency: 'repeatable',
        window: { days: 1, maxPoints: 6 },
        groupId: 'engagement',
      },
    ],
  },
};
const COLD_BELOW = MODEL.decayThresholds?.coldBelow ?? 30;

/** Mostly product usage, some email clicks and pricing views, a demo request and an unsubscribe once. */
function historyEvent(index: number, total: number): Engagement {
  const occurredAt = new Date(NOW_MS - ((total - index) * DAY_MS) / EVENTS_PER_DAY).toISOString();
  const type =
    index === 0
      ? 'demo_request'
      : index === Math.floor(total / 2)
        ? 'unsubscribe'
        : ['product_usage', 'product_usage', 'product_usage', 'email_click', 'pricing_page_view'][index % 5];
  return { eventId: `history-${index}`, type, occurredAt, properties: {} };
}

/**
 * The lead as the service would have stored it after its history. Each event alone yields its contributions;
 * merging them into an empty lead re-derives every cap over the whole history in one pass (applying them one
 * by one would cost O(N²) to build the largest lead).
 */
function storedLead(size: number): LeadState {
  const standalone = createLeadState('bench-lead', 'mql');
  const contributions = Array.from(
    { length: size },
    (_, index) => applyEngagement(standalone, historyEvent(index, size), MODEL).state.contributions,
  ).flat();
  const merged = mergeLeadStates(createLeadState('bench-lead', 'mql'), { ...standalone, contributions }, MODEL, {
    causeEventId: 'bench-build',
    recordedAt: NOW_MS,
  });
  return compactLeadState(merged.state, MODEL, compactionHorizon(NOW_MS));
}

/** One engagement as the session handles it: loaded from JSON, applied, evaluated, written back as JSON. */
function applyOneMore(storedJson: string, run: number): string {
  const now = new Date(NOW_MS + run * 1000).toISOString();
  let state = JSON.parse(storedJson) as LeadState;
  const engagement: Engagement = { eventId: `new-${run}`, type: 'product_usage', occurredAt: now, properties: {} };
  state = applyEngagement(state, engagement, MODEL, { recordedAt: now }).state;
  const lifecycle = evaluateLifecycle(state.lifecycle, scoreInputOf(scoreLead(state, now, MODEL)), MODEL);
  state = compactLeadState({ ...state, lifecycle: lifecycle.lifecycle }, MODEL, compactionHorizon(now));
  scoreLead(state, now, MODEL);
  behaviourDropsBelowAt(state, COLD_BELOW, now, MODEL);
  return JSON.stringify(state);
}

interface SizeResult {
  size: number;
  contributions: number;
  stateBytes: number;
  runs: number;
  medianMs: number;
}

function measure(size: number): SizeResult {
  const stored = JSON.stringify(storedLead(size));
  applyOneMore(stored, 0);
  const durations: number[] = [];
  const started = performance.now();
  for (let run = 1; run <= MIN_RUNS || performance.now() - started < TARGET_MS_PER_SIZE; run++) {
    const before = performance.now();
    applyOneMore(stored, run);
    durations.push(performance.now() - before);
  }
  durations.sort((a, b) => a - b);
  const state = JSON.parse(stored) as LeadState;
  return {
    size,
    contributions: state.contributions.length,
    stateBytes: Buffer.byteLength(stored),
    runs: durations.length,
    medianMs: durations[Math.floor(durations.length / 2)],
  };
}

function report(results: readonly SizeResult[]): string[] {
  const [base] = results;
  const cells = results.map((result) => [
    String(result.size),
    String(result.contributions),
    String(result.stateBytes),
    ratio(result.stateBytes, base.stateBytes),
    String(result.runs),
    ms(result.medianMs),
    ratio(result.medianMs, base.medianMs),
  ]);
  return renderTable(
    ['history events', 'stored contributions', 'state bytes', 'bytes ratio', 'runs', 'ms/event (median)', 'time ratio'],
    cells,
  );
}

function main(): void {
  const results = SIZES.map(measure);
  const lines = [
    ...machineHeader(ROOT),
    `load:    one product_usage engagement on a lead with N history events (${EVENTS_PER_DAY}/day, default model + ` +
      `product-usage rule): JSON.parse, applyEngagement, lifecycle, compaction, score, cold-at search, JSON.stringify`,
    '',
    ...report(results),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
