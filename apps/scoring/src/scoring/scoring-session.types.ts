import type { NewOutboxMessage } from '@handoff/platform-database';
import type { HistoryEvent, LeadState, LedgerEntry, StageChangedEvent } from '@handoff/domain-scoring';
import type { HandOffOutcome, LeadSnapshot } from '@handoff/domain-prediction';
import type { Grade, LifecycleStage } from '@handoff/shared-vocabulary';
import type { PredictionInputs } from '../prediction/live-prediction';

/** The scores a lead was last stored (and published) with, to tell whether a change is worth an event. */
export interface ScoreSnapshot {
  behaviour: number;
  fitScore: number;
  grade: Grade;
  stage: LifecycleStage;
}

/** A lead as stored: `version` 0 means no row yet. */
export interface StoredLead {
  leadId: string;
  state: LeadState;
  version: number;
  mergedInto: string | null;
  snapshot: ScoreSnapshot | null;
  prediction: PredictionInputs;
}

/** The row to write for a changed lead; `version` is the new one (the stored one plus 1). */
export interface LeadWrite {
  leadId: string;
  state: LeadState;
  version: number;
  snapshot: ScoreSnapshot;
  modelVersion: string;
  mergedInto: string | null;
  /** When the lead's decayed behaviour score will drop below the model's coldBelow, for the decay sweep. */
  coldAt: string | null;
  prediction: PredictionInputs;
}

/** One change of a lead's lifecycle stage, kept for the lead's stage history. */
export interface StageChangeRow extends Omit<StageChangedEvent, 'type'> {
  leadId: string;
}

/** A qualification: the lead as the conversion model will read it, frozen at the moment it was handed to sales. */
export interface HandOffRow {
  leadId: string;
  qualificationNumber: number;
  handedAt: string;
  snapshot: LeadSnapshot;
}

/** Sales' verdict on a lead's latest hand-off: the label the conversion model learns from. */
export interface HandOffOutcomeRow {
  leadId: string;
  outcome: HandOffOutcome;
  at: string;
}

export interface LedgerRow extends LedgerEntry {
  leadId: string;
}

/** One applied input, kept so a backtest can replay the lead under another model. */
export interface HistoryRow {
  leadId: string;
  eventId: string;
  kind: HistoryEvent['kind'];
  occurredAt: string;
  payload: object;
}

/** After a merge the survivor's history also holds the merged lead's inputs. */
export interface HistoryCopy {
  fromLeadId: string;
  toLeadId: string;
}

/** Everything one chunk changes, written in a handful of batched statements. */
export interface SessionChanges {
  leads: LeadWrite[];
  ledger: LedgerRow[];
  history: HistoryRow[];
  historyCopies: HistoryCopy[];
  stageChanges: StageChangeRow[];
  handOffs: HandOffRow[];
  outcomes: HandOffOutcomeRow[];
  outbox: NewOutboxMessage[];
}
