import { GRADES, LIFECYCLE_STAGES, type Grade, type LifecycleStage } from '@handoff/shared-vocabulary';
import type { ScoringModel } from '../model/scoring-model.types';
import { toIso, type Instant } from '../time';
import { histogram, type HistogramBucket } from './histogram';
import { replayLead, type LeadHistory, type ReplayOutcome } from './replay-lead';

export const DEFAULT_BUCKET_SIZE = 10;

export interface ModelBacktest {
  modelId: string;
  modelVersion: string;
  /** Leads that qualified at least once during the replay. */
  qualifiedLeads: number;
  qualificationEvents: number;
  stageChanges: number;
  finalStages: Record<LifecycleStage, number>;
  grades: Record<Grade, number>;
  /** Behaviour totals at `at`; both models share the same buckets. */
  distribution: HistogramBucket[];
}

export interface LeadOutcome {
  stage: LifecycleStage;
  qualified: boolean;
  behaviour: number;
  fitScore: number;
  grade: Grade;
}

export interface LeadDifference {
  leadId: string;
  active: LeadOutcome;
  candidate: LeadOutcome;
}

export interface BacktestReport {
  at: string;
  leads: number;
  active: ModelBacktest;
  candidate: ModelBacktest;
  /** Leads whose final stage or qualification differs between the two models. */
  differences: LeadDifference[];
}

/** Replays every history under both models from scratch; inputs are only read, never modified. */
export function backtest(
  histories: readonly LeadHistory[],
  candidateModel: ScoringModel,
  activeModel: ScoringModel,
  at: Instant,
  bucketSize = DEFAULT_BUCKET_SIZE,
): BacktestReport {
  const active = histories.map((history) => replayLead(history, activeModel, at));
  const candidate = histories.map((history) => replayLead(history, candidateModel, at));
  const scores = [...active, ...candidate].map((outcome) => outcome.score.behaviour.total);
  const range = { min: Math.min(...scores), max: Math.max(...scores) };
  return {
    at: toIso(at),
    leads: histories.length,
    active: summarise(active, activeModel, bucketSize, range),
    candidate: summarise(candidate, candidateModel, bucketSize, range),
    differences: differences(active, candidate),
  };
}

function summarise(
  outcomes: ReplayOutcome[],
  model: ScoringModel,
  bucketSize: number,
  range: { min: number; max: number },
): ModelBacktest {
  const finalStages = Object.fromEntries(LIFECYCLE_STAGES.map((stage) => [stage, 0])) as Record<LifecycleStage, number>;
  const grades = Object.fromEntries(GRADES.map((grade) => [grade, 0])) as Record<Grade, number>;
  for (const outcome of outcomes) {
    finalStages[outcome.state.lifecycle.stage] += 1;
    grades[outcome.score.fit.grade] += 1;
  }
  const allEvents = outcomes.flatMap((outcome) => outcome.events);
  return {
    modelId: model.id,
    modelVersion: model.version,
    qualifiedLeads: outcomes.filter(qualified).length,
    qualificationEvents: allEvents.filter((event) => event.type === 'qualified').length,
    stageChanges: allEvents.filter((event) => event.type === 'stage_changed').length,
    finalStages,
    grades,
    distribution: histogram(
      outcomes.map((outcome) => outcome.score.behaviour.total),
      bucketSize,
      range,
    ),
  };
}

function differences(active: ReplayOutcome[], candidate: ReplayOutcome[]): LeadDifference[] {
  return active.flatMap((activeOutcome, index) => {
    const a = outcomeOf(activeOutcome);
    const c = outcomeOf(candidate[index]);
    return a.stage !== c.stage || a.qualified !== c.qualified
      ? [{ leadId: activeOutcome.leadId, active: a, candidate: c }]
      : [];
  });
}

const qualified = (outcome: ReplayOutcome): boolean => outcome.events.some((event) => event.type === 'qualified');

function outcomeOf(outcome: ReplayOutcome): LeadOutcome {
  return {
    stage: outcome.state.lifecycle.stage,
    qualified: qualified(outcome),
    behaviour: outcome.score.behaviour.total,
    fitScore: outcome.score.fit.fitScore,
    grade: outcome.score.fit.grade,
  };
}
