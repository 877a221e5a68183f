import type { BacktestReport, ModelBacktest } from '@handoff/domain-scoring';

/** A side-by-side text summary of a backtest for a terminal; the JSON report has every detail. */
export function formatBacktestReport(report: BacktestReport, maxDifferences = 20): string {
  const { active, candidate } = report;
  const label = (model: ModelBacktest) => `${model.modelId}@${model.modelVersion}`;
  const row = (name: string, a: string | number, c: string | number) =>
    `${name.padEnd(24)}${String(a).padStart(28)}${String(c).padStart(28)}`;
  const lines = [
    `Backtest of ${report.leads} lead(s) as of ${report.at}`,
    row('', `active ${label(active)}`, `candidate ${label(candidate)}`),
    row('leads qualified', active.qualifiedLeads, candidate.qualifiedLeads),
    row('qualification events', active.qualificationEvents, candidate.qualificationEvents),
    row('stage changes', active.stageChanges, candidate.stageChanges),
    ...Object.keys(active.finalStages).map((stage) =>
      row(
        `  final ${stage}`,
        active.finalStages[stage as keyof typeof active.finalStages],
        candidate.finalStages[stage as keyof typeof candidate.finalStages],
      ),
    ),
    ...Object.keys(active.grades).map((grade) =>
      row(
        `  grade ${grade}`,
        active.grades[grade as keyof typeof active.grades],
        candidate.grades[grade as keyof typeof candidate.grades],
      ),
    ),
    'behaviour score distribution',
    ...active.distribution.map((bucket, index) =>
      row(`  [${bucket.from}, ${bucket.to})`, bucket.count, candidate.distribution[index]?.count ?? 0),
    ),
    `${report.differences.length} lead(s) would end in another stage or qualification:`,
    ...report.differences
      .slice(0, maxDifferences)
      .map(
        (difference) =>
          `  ${difference.leadId}: ${difference.active.stage}${difference.active.qualified ? ' (qualified)' : ''} -> ` +
          `${difference.candidate.stage}${difference.candidate.qualified ? ' (qualified)' : ''}`,
      ),
  ];
  if (report.differences.length > maxDifferences)
    lines.push(`  … and ${report.differences.length - maxDifferences} more`);
  return lines.join('\n');
}
