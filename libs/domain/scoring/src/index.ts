export * from './lib/time';
export * from './lib/model/scoring-model.types';
export { matchesCondition, resolvePath } from './lib/model/condition';
export {
  parseScoringModel,
  validateScoringModel,
  ScoringModelValidationError,
  type ScoringModelValidation,
} from './lib/model/parse-scoring-model';
export * from './lib/state/lead-profile';
export * from './lib/state/lead-state';
export type { Engagement } from './lib/behaviour/engagement';
export * from './lib/behaviour/apply-engagement';
export * from './lib/behaviour/behaviour-score';
export { behaviourDropsBelowAt, DEFAULT_HORIZON_DAYS } from './lib/behaviour/threshold-crossing';
export { decayFactor, decayedPoints } from './lib/behaviour/decay';
export * from './lib/fit/evaluate-fit';
export * from './lib/lifecycle/lifecycle.types';
export { evaluateLifecycle, meetsQualification } from './lib/lifecycle/evaluate-lifecycle';
export * from './lib/lead-score';
export * from './lib/merge/merge-lead-states';
export * from './lib/backtest/replay-lead';
export * from './lib/backtest/histogram';
export * from './lib/backtest/backtest';
export { compactLeadState, compactionHorizon, DEFAULT_EXACT_HISTORY_DAYS } from './lib/compaction/compact-lead-state';
