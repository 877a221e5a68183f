import { SALES_OUTCOMES, type Grade, type LifecycleStage } from '@handoff/shared-vocabulary';
import type { Instant } from '../time';

/** The sales contract's outcomes plus `opportunity_opened`, which moves an SQL on to opportunity. */
export const LIFECYCLE_SALES_OUTCOMES = [...SALES_OUTCOMES, 'opportunity_opened'] as const;
export type LifecycleSalesOutcome = (typeof LIFECYCLE_SALES_OUTCOMES)[number];

export type StageChangeReason =
  | 'engaged'
  | 'qualified'
  | 'went_cold'
  | 'disqualified'
  | 'merged'
  | LifecycleSalesOutcome;

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
  /** Set only while an activated conversion model may qualify leads on its own ("… or probability ≥ qualifiesAt"). */
  predicted?: PredictedConversion;
}

export interface PredictedConversion {
  probability: number;
  qualifiesAt: number;
}

export interface SalesInput {
  kind: 'sales';
  outcome: LifecycleSalesOutcome;
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
