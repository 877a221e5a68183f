import {
  scoreLead,
  type FitFactor,
  type GroupScore,
  type LifecycleState,
  type ScoreFactor,
  type ScoringModel,
} from '@handoff/domain-scoring';
import type { ConversionView } from '../prediction/conversion-view';
import type { StoredLead } from '../scoring/scoring-session.types';

export interface ScoreView {
  leadId: string;
  /** The instant the behaviour score is computed for (decay is exact at any instant from `exactFrom` on). */
  at: string;
  /**
   * Contributions older than this were folded into per-rule sums (the ledger keeps them all): a breakdown for an
   * earlier `at` counts them at their value then, so it is approximate. Null: exact at any instant.
   */
  exactFrom: string | null;
  modelVersion: string;
  /** Set when the lead was merged into another: its own score is frozen, the survivor's carries on. */
  mergedInto: string | null;
  behaviour: {
    score: number;
    /** The decayed sum with no group or total limit applied. */
    uncapped: number;
    groups: GroupScore[];
    ungrouped: number;
    topFactors: ScoreFactor[];
  };
  fit: { score: number; grade: string; factors: FitFactor[] };
  lifecycle: LifecycleState;
  /** The predicted chance of conversion at `at`; null while no conversion model is trained (GET /prediction/status). */
  conversion: ConversionView | null;
}

/**
 * The explanation of a lead's score under `model`. Behaviour counts the contributions that existed at `at`
 * with their current awards; fit and lifecycle are the lead's current ones (profiles are not versioned).
 */
export function scoreViewOf(
  lead: StoredLead,
  model: ScoringModel,
  at: string,
  conversion: ConversionView | null = null,
): ScoreView {
  const score = scoreLead(lead.state, at, model);
  return {
    leadId: lead.leadId,
    at: score.behaviour.at,
    exactFrom: lead.state.folded?.exactFrom ?? null,
    modelVersion: model.version,
    mergedInto: lead.mergedInto,
    behaviour: {
      score: score.behaviour.total,
      uncapped: score.behaviour.uncappedTotal,
      groups: Object.values(score.behaviour.byGroup),
      ungrouped: score.behaviour.ungrouped,
      topFactors: score.behaviour.topFactors,
    },
    fit: { score: score.fit.fitScore, grade: score.fit.grade, factors: score.fit.factors },
    lifecycle: lead.state.lifecycle,
    conversion,
  };
}
