import type { CandidateTrace } from '../../api/routing';

/** Why a rep could or could not take the lead, in words: "eligible", or the checks that excluded them. */
export function candidateVerdict(candidate: CandidateTrace): string {
  if (candidate.eligible) return candidate.chosen ? 'eligible, chosen' : 'eligible';
  const failed = candidate.checks.filter((check) => !check.passed);
  if (failed.length === 0) return 'excluded';
  return `excluded: ${failed.map((check) => `${check.check.replace(/_/g, ' ')} (${check.detail})`).join('; ')}`;
}

/** Eligible reps first, the chosen one on top, then the excluded in the order routing checked them. */
export function rankCandidates(candidates: CandidateTrace[]): CandidateTrace[] {
  const weight = (c: CandidateTrace) => (c.chosen ? 0 : c.eligible ? 1 : 2);
  return candidates
    .map((candidate, index) => ({ candidate, index }))
    .sort((a, b) => weight(a.candidate) - weight(b.candidate) || a.index - b.index)
    .map(({ candidate }) => candidate);
}
