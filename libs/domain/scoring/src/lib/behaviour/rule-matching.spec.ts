import { engagement, rule } from '../../testing/builders';
import { ANY_ACTIVITY } from '../model/scoring-model.types';
import { ruleMatches } from './rule-matching';

describe('ruleMatches', () => {
  it('matches on the activity type', () => {
    const pricing = rule({ id: 'pricing', activityType: 'pricing_page_view' });
    expect(ruleMatches(pricing, engagement('e1', 'pricing_page_view', 0), {})).toBe(true);
    expect(ruleMatches(pricing, engagement('e1', 'page_view', 0), {})).toBe(false);
  });

  it('requires the custom type when the rule names one', () => {
    const quote = rule({ id: 'quote', activityType: 'custom', customType: 'quote_requested' });
    expect(ruleMatches(quote, engagement('e1', 'custom', 0, { customType: 'quote_requested' }), {})).toBe(true);
    expect(ruleMatches(quote, engagement('e1', 'custom', 0, { customType: 'chat_started' }), {})).toBe(false);
  });

  it('matches any activity type with "*"', () => {
    const any = rule({ id: 'any', activityType: ANY_ACTIVITY });
    expect(ruleMatches(any, engagement('e1', 'email_open', 0), {})).toBe(true);
  });

  it('applies a regex filter on an event property', () => {
    const pricingUrl = rule({
      id: 'pricing-url',
      filters: [{ path: 'properties.url', condition: { op: 'matches', pattern: '/pricing' } }],
    });
    expect(ruleMatches(pricingUrl, engagement('e1', 'page_view', 0, { properties: { url: '/en/pricing' } }), {})).toBe(
      true,
    );
    expect(ruleMatches(pricingUrl, engagement('e1', 'page_view', 0, { properties: { url: '/blog' } }), {})).toBe(false);
    expect(ruleMatches(pricingUrl, engagement('e1', 'page_view', 0), {})).toBe(false);
  });

  it('applies equals, in and exists filters on nested properties', () => {
    const campaign = rule({
      id: 'campaign',
      filters: [
        { path: 'properties.utm.source', condition: { op: 'equals', value: 'linkedin' } },
        { path: 'properties.utm.campaign', condition: { op: 'exists' } },
        { path: 'properties.locale', condition: { op: 'in', values: ['en', 'de'] } },
      ],
    });
    const properties = { utm: { source: 'LinkedIn', campaign: 'q1' }, locale: 'de' };
    expect(ruleMatches(campaign, engagement('e1', 'page_view', 0, { properties }), {})).toBe(true);
    const withoutCampaign = { utm: { source: 'linkedin' }, locale: 'de' };
    expect(ruleMatches(campaign, engagement('e1', 'page_view', 0, { properties: withoutCampaign }), {})).toBe(false);
  });

  it('filters on the lead profile, e.g. a competitor email domain', () => {
    const competitor = rule({
      id: 'competitor',
      activityType: ANY_ACTIVITY,
      points: -50,
      frequency: 'once_per_lead',
      filters: [{ path: 'profile.emailDomain', condition: { op: 'in', values: ['rival.io', 'othercrm.com'] } }],
    });
    expect(ruleMatches(competitor, engagement('e1', 'page_view', 0), { emailDomain: 'rival.io' })).toBe(true);
    expect(ruleMatches(competitor, engagement('e1', 'page_view', 0), { emailDomain: 'acme.com' })).toBe(false);
  });
});
