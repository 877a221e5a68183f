import {
  EMPTY_ENGAGEMENT_HISTORY,
  engagementHistoryAsOf,
  type EngagementFact,
  velocityAt,
  withEngagement,
} from './engagement-history';
import {
  type FeatureDefinition,
  featureDefinitionFrom,
  featureNamesOf,
  featureVectorOf,
  type LeadSnapshot,
} from './feature-definition';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-01T00:00:00Z');
const definition: FeatureDefinition = {
  industries: ['software'],
  countries: ['DE'],
  sources: ['web'],
  groups: ['intent'],
};

function snapshot(facts: EngagementFact[], at: number, overrides: Partial<LeadSnapshot> = {}): LeadSnapshot {
  return {
    at,
    engagement: engagementHistoryAsOf(facts, at),
    profile: { seniority: 'vp', industry: 'software', employeeCount: 300, country: 'FR' },
    source: 'web',
    scores: { behaviourByGroup: { intent: 40 }, fit: 70 },
    ...overrides,
  };
}

const featureOf = (lead: LeadSnapshot, name: string) =>
  featureVectorOf(definition, lead)[featureNamesOf(definition).indexOf(name)];

describe('features as of a past instant', () => {
  const facts: EngagementFact[] = [
    { type: 'page_view', at: T0 },
    { type: 'pricing_page_view', at: T0 + 2 * DAY },
    { type: 'demo_request', at: T0 + 5 * DAY },
    { type: 'page_view', at: T0 + 6 * DAY },
  ];

  it('leave out every engagement after the cut-off: the hand-off three days in sees no demo request', () => {
    const handedOff = snapshot(facts, T0 + 3 * DAY);

    expect(featureVectorOf(definition, handedOff)).toEqual(
      featureVectorOf(definition, snapshot(facts.slice(0, 2), T0 + 3 * DAY)),
    );
    expect(featureOf(handedOff, 'count:demo_request')).toBe(0);
    expect(featureOf(handedOff, 'days_since:demo_request')).toBe(1);
    expect(featureOf(handedOff, 'count:page_view')).toBeCloseTo(Math.log1p(1), 12);
    expect(featureOf(handedOff, 'days_since:pricing_page_view')).toBeCloseTo(1 / 90, 12);
  });

  it('are the same whether folded live one event at a time, in any order, or computed from the record', () => {
    const at = T0 + 7 * DAY;
    const live = [facts[2], facts[0], facts[3], facts[1]].reduce(withEngagement, EMPTY_ENGAGEMENT_HISTORY);

    const fromRecord = engagementHistoryAsOf(facts, at);

    expect(live.counts).toEqual(fromRecord.counts);
    expect(live.lastAt).toEqual(fromRecord.lastAt);
    expect(live.firstAt).toBe(fromRecord.firstAt);
    expect(velocityAt(live, at)).toBeCloseTo(velocityAt(fromRecord, at), 12);
  });

  it('decay velocity by half a week later', () => {
    const history = engagementHistoryAsOf([{ type: 'page_view', at: T0 }], T0);

    expect(velocityAt(history, T0 + 7 * DAY)).toBeCloseTo(0.5, 12);
  });
});

describe('the feature vector', () => {
  it('has a value for every name, one-hot categories with "other" for unseen values', () => {
    const lead = snapshot([{ type: 'webinar_attended', at: T0 }], T0 + DAY);
    const names = featureNamesOf(definition);
    const vector = featureVectorOf(definition, lead);

    expect(vector).toHaveLength(names.length);
    expect(featureOf(lead, 'seniority:vp')).toBe(1);
    expect(featureOf(lead, 'company_size:250+')).toBe(1);
    expect(featureOf(lead, 'company_size:50+')).toBe(0);
    expect(featureOf(lead, 'industry:software')).toBe(1);
    expect(featureOf(lead, 'country:DE')).toBe(0);
    expect(featureOf(lead, 'country:other')).toBe(1);
    expect(featureOf(lead, 'behaviour:intent')).toBe(40);
    expect(featureOf(lead, 'fit_score')).toBe(70);
  });

  it('learns vocabularies from categories common enough in the training history', () => {
    const leads = Array.from({ length: 12 }, (_, i) =>
      snapshot([], T0, { profile: { industry: i < 10 ? 'software' : 'mining', country: 'DE' }, source: undefined }),
    );

    expect(featureDefinitionFrom(leads)).toEqual({
      industries: ['software'],
      countries: ['DE'],
      sources: [],
      groups: ['intent'],
    });
  });
});
