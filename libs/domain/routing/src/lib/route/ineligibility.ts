import { ELIGIBILITY_CHECKS, type CandidateTrace, type EligibilityCheckName } from '../decision.types';

const FAILURE_LABELS: Record<EligibilityCheckName, string> = {
  active: 'inactive',
  paused: 'paused',
  out_of_office: 'out of office',
  working_hours: 'outside working hours',
  daily_cap: 'at the daily cap',
  rolling_cap: 'at the 30-day cap',
  capacity: 'unavailable per quota',
  already_tried: 'already tried',
};

/** The first check the candidate failed, as `out of office until …`, for reasons that name one rep. */
export function firstFailure(trace: CandidateTrace): string {
  const failed = trace.checks.find((check) => !check.passed);
  return failed ? failed.detail : 'eligible';
}

/** Every check the candidate failed, as labels: `outside working hours, at the daily cap`. */
export function failedLabels(trace: CandidateTrace): string {
  return trace.checks
    .filter((check) => !check.passed)
    .map((check) => FAILURE_LABELS[check.check])
    .join(', ');
}

/** `all 4 reps in pool emea-ent ineligible: 3 out of office, 1 outside working hours`, by each rep's first failure. */
export function describeIneligible(poolId: string, traces: readonly CandidateTrace[]): string {
  if (traces.length === 0) return `pool ${poolId} has no members`;
  const counts = new Map<EligibilityCheckName, number>();
  for (const trace of traces) {
    const failed = trace.checks.find((check) => !check.passed);
    if (failed) counts.set(failed.check, (counts.get(failed.check) ?? 0) + 1);
  }
  const causes = ELIGIBILITY_CHECKS.filter((check) => counts.has(check)).map(
    (check) => `${counts.get(check)} ${FAILURE_LABELS[check]}`,
  );
  const who = traces.length === 1 ? 'the only rep' : `all ${traces.length} reps`;
  return `${who} in pool ${poolId} ineligible: ${causes.join(', ')}`;
}
