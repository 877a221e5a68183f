import type { Grade } from '../model/scoring-model.types';
import type { Instant } from '../time';

export const LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'mql',
  'sql',
  'opportunity',
  'customer',
  'disqualified',
  'recycled',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** The sales contract's outcomes plus `opportunity_opened`, which moves an SQL on to opportunity. */
export const SALES_OUTCOMES = ['accepted', 'opportunity_opened', 'won', 'rejected', 'lost'] as const;
export type SalesOutcome = (typeof SALES_OUTCOMES)[number];

export type StageChangeReason = 'engaged' | 'qualified' | 'went_cold' | 'disqualified' | 'merged' | SalesOutcome;

export interface LifecycleState {
  stage: LifecycleStage;
  /** When the lead entered `stage`; null for a lead that has never changed stage. */
  since: string | null;
  reason: StageChangeReason | null;
  /** Free text from sales (why rejected or lost) or a disqualification. */
  detail: string | null;
  qualificationCount: number;
  lastQualifiedAt: string | null;
}

export interface ScoreInput {
  kind: 'score';
  behaviour: number;
  fitScore: number;
  grade: Grade;
  at: Instant;
}

export interface SalesInput {
  kind: 'sales';
  outcome: SalesOutcome;
  reason?: string;
  at: Instant;
}

export interface DisqualifyInput {
  kind: 'disqualify';
  reason: string;
  at: Instant;
}

export type LifecycleInput = ScoreInput | SalesInput | DisqualifyInput;

export interface StageChangedEvent {
  type: 'stage_changed';
  from: LifecycleStage;
  to: LifecycleStage;
  at: string;
  reason: StageChangeReason;
  detail: string | null;
}

export interface QualifiedEvent {
  type: 'qualified';
  at: string;
  behaviour: number;
  fitScore: number;
  grade: Grade;
  /** 1 for the first qualification, 2 after a recycle and re-qualification, … */
  qualificationNumber: number;
}

export type LifecycleEvent = StageChangedEvent | QualifiedEvent;

export interface LifecycleResult {
  lifecycle: LifecycleState;
  events: LifecycleEvent[];
  /** Why the input was ignored (an invalid transition); null when it was applied or simply changed nothing. */
  ignored: string | null;
}
