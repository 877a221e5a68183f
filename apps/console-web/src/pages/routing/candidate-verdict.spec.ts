import type { CandidateTrace } from '../../api/routing';
import { candidateVerdict, rankCandidates } from './candidate-verdict';

const candidate = (repId: string, eligible: boolean, chosen = false, failed: string[] = []): CandidateTrace => ({
  repId,
  eligible,
  chosen,
  checks: [
    { check: 'active', passed: true, detail: 'active' },
    ...failed.map((check) => ({ check, passed: false, detail: `${check} detail` })),
  ],
});

describe('candidateVerdict', () => {
  it('says eligible, and chosen for the rep who got the lead', () => {
    expect(candidateVerdict(candidate('a', true))).toBe('eligible');
    expect(candidateVerdict(candidate('a', true, true))).toBe('eligible, chosen');
  });

  it('names every failed check of an excluded rep', () => {
    expect(candidateVerdict(candidate('a', false, false, ['out_of_office', 'daily_cap']))).toBe(
      'excluded: out of office (out_of_office detail); daily cap (daily_cap detail)',
    );
  });
});

describe('rankCandidates', () => {
  it('puts the chosen rep first, then eligible, then excluded, keeping routing order within each', () => {
    const ranked = rankCandidates([
      candidate('x', false, false, ['paused']),
      candidate('e1', true),
      candidate('c', true, true),
      candidate('e2', true),
    ]);
    expect(ranked.map((c) => c.repId)).toEqual(['c', 'e1', 'e2', 'x']);
  });
});
