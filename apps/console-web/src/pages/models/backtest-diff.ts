import type { HistogramBucket, ModelBacktest } from '../../api/scoring';

export interface DistributionRow {
  bucket: string;
  active: number;
  candidate: number;
}

/** Both models' behaviour-score histograms side by side (scoring gives both the same buckets). */
export function distributionRows(active: HistogramBucket[], candidate: HistogramBucket[]): DistributionRow[] {
  const key = (b: HistogramBucket) => `${b.from}–${b.to}`;
  const rows = new Map<string, DistributionRow & { from: number }>();
  const row = (b: HistogramBucket) => {
    const existing = rows.get(key(b)) ?? { bucket: key(b), from: b.from, active: 0, candidate: 0 };
    rows.set(key(b), existing);
    return existing;
  };
  for (const b of active) row(b).active += b.count;
  for (const b of candidate) row(b).candidate += b.count;
  return [...rows.values()]
    .sort((a, b) => a.from - b.from)
    .map(({ bucket, active, candidate }) => ({ bucket, active, candidate }));
}

export interface ComparisonRow {
  measure: string;
  active: number;
  candidate: number;
  change: number;
}

/** The headline figures and the leads per final stage, active model against candidate. */
export function comparisonRows(active: ModelBacktest, candidate: ModelBacktest): ComparisonRow[] {
  const row = (measure: string, a: number, c: number): ComparisonRow => ({
    measure,
    active: a,
    candidate: c,
    change: c - a,
  });
  const stages = [...new Set([...Object.keys(active.finalStages ?? {}), ...Object.keys(candidate.finalStages ?? {})])];
  return [
    row('Qualified leads', active.qualifiedLeads, candidate.qualifiedLeads),
    row('Qualifications', active.qualificationEvents, candidate.qualificationEvents),
    row('Stage changes', active.stageChanges, candidate.stageChanges),
    ...stages.map((stage) =>
      row(`Leads now ${stage}`, active.finalStages?.[stage] ?? 0, candidate.finalStages?.[stage] ?? 0),
    ),
  ];
}
