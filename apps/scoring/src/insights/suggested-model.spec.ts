import { parseScoringModel } from '@handoff/domain-scoring';
import { loadScoringModelFile, defaultModelFile } from '../models/model-file';
import type { RuleInsight, RuleInsights } from './rule-insights.service';
import { suggestedModel } from './suggested-model';

const base = loadScoringModelFile(defaultModelFile());

function insights(points: Record<string, number>): RuleInsights {
  const rules = Object.entries(points).map(([ruleId, suggestedPoints]) => ({ ruleId, suggestedPoints }) as RuleInsight);
  return { modelVersion: base.version, leads: { labelled: 0, converted: 0 }, rules };
}

describe('suggestedModel', () => {
  it('writes the suggested points into a new version that the model parser accepts', () => {
    const { model, changed } = suggestedModel(base, insights({ 'demo-request': 45, 'fit-senior': 3 }), '2-suggested');

    expect(parseScoringModel(JSON.parse(JSON.stringify(model)))).toEqual(model);
    expect(model.version).toBe('2-suggested');
    expect(model.behaviour.rules.find((rule) => rule.id === 'demo-request')?.points).toBe(45);
    expect(model.fit.rules.find((rule) => rule.id === 'fit-senior')?.points).toBe(3);
    expect(changed.map((change) => change.ruleId).sort()).toEqual(['demo-request', 'fit-senior']);
  });

  it('scales a rule’s caps with its points, so it still caps after the same number of awards', () => {
    const pricing = base.behaviour.rules.find((rule) => rule.id === 'pricing-page');
    if (!pricing?.maxPoints || !pricing.window) throw new Error('the default model’s pricing-page rule has caps');

    const { model } = suggestedModel(base, insights({ 'pricing-page': pricing.points * 2 }), 'x');

    const doubled = model.behaviour.rules.find((rule) => rule.id === 'pricing-page');
    expect(doubled).toMatchObject({
      maxPoints: pricing.maxPoints * 2,
      window: { maxPoints: pricing.window.maxPoints * 2 },
    });
  });

  it('drops a rule whose suggested points round to nothing, and keeps rules without a suggestion', () => {
    const { model, removed } = suggestedModel(base, insights({ 'email-click': 0 }), 'x');

    expect(removed).toEqual(['email-click']);
    expect(model.behaviour.rules.map((rule) => rule.id)).not.toContain('email-click');
    expect(model.behaviour.rules).toHaveLength(base.behaviour.rules.length - 1);
    expect(model.fit.rules).toEqual(base.fit.rules);
  });
});
