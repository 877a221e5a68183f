// One frame of the live demo's terminal view, from a snapshot of what it counted: plain lines, redrawn every second.
import type { FunnelCounts } from './live-counters';
import type { ConsumerFigures } from './prometheus-text';

/** A rep's revenue attainment this quarter, in the currency of the rep's quota. */
export interface RepAttainment {
  repId: string;
  attained: number;
  ratio: number;
  currency: string;
}

export interface LiveSnapshot {
  elapsedSeconds: number;
  ratePerSecond: number;
  /** Unset: the run lasts until it is stopped. */
  durationSeconds?: number;
  funnel: FunnelCounts;
  attainment: readonly RepAttainment[];
  /** Per service; undefined when its `/metrics` did not answer. */
  consumers: Readonly<Record<string, ConsumerFigures | undefined>>;
}

export interface FrameOptions {
  nameOf: (repId: string) => string;
  /** How many reps the rankings show. */
  top?: number;
}

/** Marks the first line of every frame (tests and anyone reading a log find the frames by it). */
export const FRAME_TITLE = 'Handoff live';

const REASSIGNMENT_LABELS: Record<string, string> = {
  sla_missed: 'after a missed SLA',
  rejected: 'after a rejection',
  escalated: 'escalated',
  manual: 'by hand',
};

export function formatLiveFrame(snapshot: LiveSnapshot, options: FrameOptions): string[] {
  const top = options.top ?? 5;
  const { funnel } = snapshot;
  const length = snapshot.durationSeconds === undefined ? '' : ` of ${snapshot.durationSeconds}s`;
  return [
    `${FRAME_TITLE} · ${Math.floor(snapshot.elapsedSeconds)}s${length} · ${snapshot.ratePerSecond} messages/s · Ctrl-C stops`,
    '',
    `events ingested ${count(funnel.eventsIngested)} · leads ${count(funnel.leads)} · scored ${count(funnel.leadsScored)}` +
      ` · MQLs ${count(funnel.mqls)} · routed ${count(funnel.leadsRouted)}`,
    `reassigned: ${reassignmentsOf(funnel.reassignments)}`,
    '',
    'leads routed, top reps',
    ...orNone(
      ranked([...funnel.routedPerRep], top).map(([repId, leads]) => row(options.nameOf(repId), count(leads))),
      'nothing routed yet',
    ),
    '',
    'attainment this quarter, top reps',
    ...orNone(
      [...snapshot.attainment]
        .filter((rep) => rep.attained > 0)
        .sort((a, b) => b.ratio - a.ratio)
        .slice(0, top)
        .map((rep) => row(options.nameOf(rep.repId), `${percent(rep.ratio)} (${count(rep.attained)} ${rep.currency})`)),
      'no deal won yet',
    ),
    '',
    `${'consumers'.padEnd(24)}${'consumed'.padStart(10)}${'lag'.padStart(8)}`,
    ...Object.entries(snapshot.consumers).map(([service, figures]) =>
      figures
        ? `  ${service.padEnd(22)}${count(figures.consumed).padStart(10)}${count(figures.lag).padStart(8)}`
        : `  ${service.padEnd(22)}${'/metrics did not answer'.padStart(18)}`,
    ),
  ];
}

function reassignmentsOf(reassignments: ReadonlyMap<string, number>): string {
  const parts = [...reassignments].map(([trigger, times]) => `${times} ${REASSIGNMENT_LABELS[trigger] ?? trigger}`);
  return parts.length > 0 ? parts.join(' · ') : 'none yet';
}

/** The `top` largest, ties in name order so the ranking does not flicker between frames. */
function ranked(entries: [string, number][], top: number): [string, number][] {
  return entries.sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, top);
}

const row = (name: string, figure: string): string => `  ${name.padEnd(22)}${figure.padStart(10)}`;
const orNone = (lines: string[], none: string): string[] => (lines.length > 0 ? lines : [`  ${none}`]);
const count = (value: number): string => Math.round(value).toLocaleString('en-US');
const percent = (ratio: number): string => `${Math.round(ratio * 100)}%`;
