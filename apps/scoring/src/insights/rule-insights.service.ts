import { Injectable } from '@nestjs/common';
import {
  type HandOffOutcome,
  labelHandOffs,
  type RuleHitSample,
  type RuleSuggestion,
  suggestRulePoints,
} from '@handoff/domain-prediction';
import { evaluateFit, type LeadProfile, type ScoringModel } from '@handoff/domain-scoring';
import { DataSource } from 'typeorm';
import { ScoringConfig } from '../app/scoring.config';
import { ModelRegistry } from '../models/model-registry.service';

export interface RuleInsight extends RuleSuggestion {
  label: string;
  kind: 'behaviour' | 'fit';
}

export interface RuleInsights {
  modelVersion: string;
  /** The labelled hand-offs the figures come from. */
  leads: { labelled: number; converted: number };
  rules: RuleInsight[];
}

interface HandOffHitsRow {
  handed_at: Date;
  outcome: HandOffOutcome | null;
  profile: LeadProfile | null;
  rule_ids: string[];
}

/**
 * Rule feedback for marketing: for each rule of a scoring model, how leads that hit it before their hand-off
 * converted against the others, and the points a fit on those outcomes suggests. Behaviour hits come from the
 * ledger (a rule awarded points before the hand-off), fit hits from the profile as it was at the hand-off.
 */
@Injectable()
export class RuleInsightsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly models: ModelRegistry,
    private readonly config: ScoringConfig,
  ) {}

  async insights(version: string, now = new Date()): Promise<RuleInsights> {
    const { model } = await this.models.get(version);
    const labelled = labelHandOffs(
      await this.handOffHits(),
      now.getTime(),
      this.config.SCORING_PREDICTION_OPEN_HORIZON_DAYS,
    );
    const samples: RuleHitSample[] = labelled.map((handOff) => ({
      converted: handOff.converted,
      hits: new Set([...handOff.ruleIds, ...fitRulesHit(handOff.profile, model)]),
    }));
    const rules = rulesOf(model);
    const suggestions = suggestRulePoints(samples, rules);
    return {
      modelVersion: version,
      leads: { labelled: samples.length, converted: samples.filter((sample) => sample.converted === 1).length },
      rules: suggestions.map((suggestion, i) => ({ ...suggestion, label: rules[i].label, kind: rules[i].kind })),
    };
  }

  /** The newest hand-offs (the bound training reads) with the rules that awarded their lead points before it. */
  private async handOffHits() {
    const rows: HandOffHitsRow[] = await this.dataSource.query(
      `SELECT h.handed_at, h.outcome, h.snapshot->'profile' AS profile,
              COALESCE(array_agg(DISTINCT l.rule_id) FILTER (WHERE l.rule_id IS NOT NULL), '{}') AS rule_ids
       FROM (SELECT * FROM lead_handoffs ORDER BY handed_at DESC LIMIT $1) h
       LEFT JOIN score_ledger l
         ON l.lead_id = h.lead_id AND l.kind = 'awarded' AND l.awarded <> 0 AND l.occurred_at <= h.handed_at
       GROUP BY h.lead_id, h.qualification_number, h.handed_at, h.outcome, h.snapshot`,
      [this.config.SCORING_PREDICTION_MAX_TRAINING_LEADS],
    );
    return rows.map((row) => ({
      handedAt: row.handed_at.getTime(),
      outcome: row.outcome,
      profile: row.profile ?? {},
      ruleIds: row.rule_ids,
    }));
  }
}

function fitRulesHit(profile: LeadProfile, model: ScoringModel): string[] {
  return evaluateFit(profile, model).factors.map((factor) => factor.ruleId);
}

function rulesOf(model: ScoringModel) {
  return [
    ...model.behaviour.rules.map((rule) => ({ ...ruleOf(rule), kind: 'behaviour' as const })),
    ...model.fit.rules.map((rule) => ({ ...ruleOf(rule), kind: 'fit' as const })),
  ];
}

function ruleOf(rule: { id: string; label: string; points: number }) {
  return { ruleId: rule.id, label: rule.label, points: rule.points };
}
