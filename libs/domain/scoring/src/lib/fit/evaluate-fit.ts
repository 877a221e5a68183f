import { GRADES, type Grade } from '@handoff/shared-vocabulary';
import { matchesCondition, resolvePath } from '../model/condition';
import type { FitAttribute, GradeThresholds, ScoringModel } from '../model/scoring-model.types';
import type { LeadProfile } from '../state/lead-profile';

export interface FitFactor {
  ruleId: string;
  label: string;
  attribute: FitAttribute;
  points: number;
}

export interface FitResult {
  fitScore: number;
  grade: Grade;
  factors: FitFactor[];
}

/** Sums every matching fit rule (rules are independent, so several may look at one attribute). */
export function evaluateFit(profile: LeadProfile, model: ScoringModel): FitResult {
  const factors = model.fit.rules
    .filter((rule) => matchesCondition(resolvePath(profile, rule.attribute), rule.condition))
    .map((rule) => ({ ruleId: rule.id, label: rule.label, attribute: rule.attribute, points: rule.points }));
  const fitScore = factors.reduce((total, factor) => total + factor.points, 0);
  return { fitScore, grade: gradeFor(fitScore, model.fit.grades), factors };
}

export function gradeFor(fitScore: number, thresholds: GradeThresholds): Grade {
  if (fitScore >= thresholds.A) return 'A';
  if (fitScore >= thresholds.B) return 'B';
  if (fitScore >= thresholds.C) return 'C';
  return 'D';
}

/** A is the best grade, so `gradeAtLeast('A', 'B')` is true. */
export function gradeAtLeast(grade: Grade, minimum: Grade): boolean {
  return GRADES.indexOf(grade) <= GRADES.indexOf(minimum);
}
