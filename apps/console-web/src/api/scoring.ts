// Scoring's JSON, passed through by the console (apps/scoring/openapi.json): only the fields the pages read.

export type Grade = 'A' | 'B' | 'C' | 'D';

export interface ScoreFactor {
  ruleId: string;
  label: string;
  points: number;
  groupId: string | null;
}

export interface GroupScore {
  groupId: string;
  label: string;
  earned: number;
  penalties: number;
  score: number;
  limit: number | null;
}

export interface FitFactor {
  ruleId: string;
  label: string;
  points: number;
}

export interface LifecycleState {
  stage: string;
  since: string | null;
  reason: string;
  detail: string | null;
  qualificationCount: number;
  lastQualifiedAt: string | null;
}

export interface ConversionView {
  probability: number;
  low: number;
  high: number;
  modelVersion: number;
  mode: 'shadow' | 'active';
  factors: { feature: string; contribution: number; words: string }[];
}

/** `GET /api/leads/:id/score`: scoring's ScoreViewDto. */
export interface ScoreView {
  leadId: string;
  at: string;
  modelVersion: string;
  mergedInto: string | null;
  behaviour: { score: number; groups: GroupScore[]; ungrouped: number; topFactors: ScoreFactor[] };
  fit: { score: number; grade: Grade; factors: FitFactor[] };
  lifecycle: LifecycleState;
  conversion: ConversionView | null;
}

export interface LedgerEntry {
  id: string;
  kind: 'awarded' | 'adjusted' | 'merged';
  ruleId: string;
  occurredAt: string;
  recordedAt: string;
  previousAwarded: number;
  awarded: number;
}

/** `GET /api/leads/:id/score/history`: scoring's HistoryPageDto. */
export interface HistoryPage {
  items: LedgerEntry[];
  nextCursor: string | null;
}

/** One lifecycle stage change (`GET /api/leads/:id/score/stages`): scoring's StageChangeDto. */
export interface StageChange {
  from: string;
  to: string;
  at: string;
  reason: string;
  detail?: string;
}

/** `GET /api/leads/:id/score/stages`: every stage change scoring recorded, oldest first. */
export interface StageHistory {
  leadId: string;
  changes: StageChange[];
}

export interface ModelSummary {
  version: string;
  id: string;
  name: string;
  active: boolean;
  createdAt: string;
  activatedAt: string | null;
}

/** The scoring model document itself, kept opaque: the page shows and edits it as text. */
export type ScoringModelDocument = Record<string, unknown> & { id: string; version: string; name: string };

export interface ModelView extends ModelSummary {
  model: ScoringModelDocument;
}

export interface HistogramBucket {
  from: number;
  to: number;
  count: number;
}

export interface ModelBacktest {
  modelVersion: string;
  qualifiedLeads: number;
  qualificationEvents: number;
  stageChanges: number;
  finalStages?: Record<string, number>;
  distribution: HistogramBucket[];
}

export interface LeadOutcome {
  stage: string;
  qualified: boolean;
  behaviour: number;
  grade: Grade;
}

/** `POST /api/models/backtest`: scoring's BacktestReportDto. */
export interface BacktestReport {
  at: string;
  leads: number;
  active: ModelBacktest;
  candidate: ModelBacktest;
  differences: { leadId: string; active: LeadOutcome; candidate: LeadOutcome }[];
}

export interface BacktestRequest {
  model: ScoringModelDocument;
  at?: string;
}

export interface OutcomeCounts {
  labelled: number;
  converted: number;
  notConverted: number;
}

export interface PredictionStatus {
  status: 'not_enough_data' | 'ready';
  counts: OutcomeCounts;
  minimum: OutcomeCounts;
  currentVersion?: number | null;
}

export interface PredictionModel {
  version: number;
  status: 'shadow' | 'active' | 'retired';
  trainedAt: string;
  validation: { auc: number };
}
