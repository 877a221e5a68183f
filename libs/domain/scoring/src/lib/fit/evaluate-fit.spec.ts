import { modelWith } from '../../testing/builders';
import { DEFAULT_SCORING_MODEL } from '../../testing/default-model';
import type { FitRule } from '../model/scoring-model.types';
import { evaluateFit, gradeAtLeast, gradeFor } from './evaluate-fit';

function fitModel(rules: FitRule[]) {
  const model = modelWith([]);
  return { ...model, fit: { rules, grades: { A: 60, B: 40, C: 20 } } };
}

describe('evaluateFit', () => {
  it.each<[string, FitRule, Record<string, unknown>, Record<string, unknown>]>([
    [
      'industry in a list',
      { id: 'r', label: 'L', attribute: 'industry', condition: { op: 'in', values: ['software'] }, points: 20 },
      { industry: 'Software' },
      { industry: 'retail' },
    ],
    [
      'employee count in a range',
      { id: 'r', label: 'L', attribute: 'employeeCount', condition: { op: 'range', min: 50, max: 1000 }, points: 20 },
      { employeeCount: 50 },
      { employeeCount: 49 },
    ],
    [
      'title matching a pattern',
      { id: 'r', label: 'L', attribute: 'title', condition: { op: 'matches', pattern: '\\bmarketing\\b' }, points: 20 },
      { title: 'VP Marketing' },
      { title: 'Engineer' },
    ],
    [
      'seniority equal to a value',
      { id: 'r', label: 'L', attribute: 'seniority', condition: { op: 'equals', value: 'director' }, points: 20 },
      { seniority: 'director' },
      { seniority: 'manager' },
    ],
    [
      'country in a list',
      { id: 'r', label: 'L', attribute: 'country', condition: { op: 'in', values: ['DE', 'FR'] }, points: 20 },
      { country: 'DE' },
      { country: 'US' },
    ],
    [
      'company domain equal to a value',
      { id: 'r', label: 'L', attribute: 'companyDomain', condition: { op: 'equals', value: 'acme.com' }, points: 20 },
      { companyDomain: 'acme.com' },
      {},
    ],
    [
      'a custom trait',
      { id: 'r', label: 'L', attribute: 'traits.plan', condition: { op: 'in', values: ['pro', 'team'] }, points: 20 },
      { traits: { plan: 'pro' } },
      { traits: { plan: 'free' } },
    ],
  ])('scores %s', (_kind, fitRule, matching, other) => {
    const model = fitModel([fitRule]);
    expect(evaluateFit(matching, model).fitScore).toBe(20);
    expect(evaluateFit(other, model).fitScore).toBe(0);
  });

  it('subtracts points for a free-mail domain in the default model', () => {
    const result = evaluateFit({ emailDomain: 'gmail.com' }, DEFAULT_SCORING_MODEL);
    expect(result.factors).toEqual([
      { ruleId: 'fit-free-mail', label: 'Free-mail address', attribute: 'emailDomain', points: -25 },
    ]);
    expect(result.fitScore).toBe(-25);
    expect(result.grade).toBe('D');
  });

  it('sums every matching rule and explains each one', () => {
    const result = evaluateFit(
      { industry: 'software', employeeCount: 250, seniority: 'vp', title: 'VP Marketing', country: 'DE' },
      DEFAULT_SCORING_MODEL,
    );
    expect(result.factors.map((factor) => [factor.ruleId, factor.points])).toEqual([
      ['fit-industry', 20],
      ['fit-size-core', 25],
      ['fit-senior', 20],
      ['fit-title', 10],
      ['fit-country', 5],
    ]);
    expect(result).toMatchObject({ fitScore: 80, grade: 'A' });
  });

  it('scores an empty profile as 0', () => {
    expect(evaluateFit({}, DEFAULT_SCORING_MODEL)).toEqual({ fitScore: 0, grade: 'D', factors: [] });
  });
});

describe('gradeFor', () => {
  it.each([
    [100, 'A'],
    [60, 'A'],
    [59.9, 'B'],
    [40, 'B'],
    [39, 'C'],
    [20, 'C'],
    [19, 'D'],
    [-30, 'D'],
  ])('grades a fit score of %p as %p (thresholds are inclusive minimums)', (score, grade) => {
    expect(gradeFor(score, { A: 60, B: 40, C: 20 })).toBe(grade);
  });
});

describe('gradeAtLeast', () => {
  it('treats A as the best grade', () => {
    expect(gradeAtLeast('A', 'B')).toBe(true);
    expect(gradeAtLeast('B', 'B')).toBe(true);
    expect(gradeAtLeast('C', 'B')).toBe(false);
    expect(gradeAtLeast('D', 'D')).toBe(true);
  });
});
