import fc from 'fast-check';
import { GRADES } from '@handoff/shared-vocabulary';
import { lead, rule, ruleSet } from '../../testing/builders';
import type { LeadToRoute } from '../decision.types';
import type { RuleConditions } from '../rules.types';
import type { RuleFacts } from './rule-conditions';
import { matchRule } from './match-rule';

const noFacts: RuleFacts = { territoryIds: [] };

function failureOf(when: RuleConditions, subject: LeadToRoute, facts = noFacts): string | undefined {
  return matchRule(ruleSet([rule('r', { when })]), subject, facts).trace[0].failedCondition;
}

describe('matchRule', () => {
  const rules = ruleSet([
    rule('enterprise-dach', { when: { countries: ['DE', 'AT', 'CH'], employeeCount: { min: 1000 } } }),
    rule('dach', { when: { countries: ['DE', 'AT', 'CH'] } }),
    rule('us', { when: { countries: ['US', 'CA'] } }),
  ]);

  it('picks the first rule whose conditions all hold and traces every rule up to it', () => {
    const result = matchRule(rules, lead({ country: 'DE', employeeCount: 200 }), noFacts);
    expect(result.rule?.id).toBe('dach');
    expect(result.trace).toEqual([
      { ruleId: 'enterprise-dach', matched: false, failedCondition: 'employeeCount 200 below 1000' },
      { ruleId: 'dach', matched: true },
    ]);
    expect(result.matchedOn).toEqual(['country DE']);
  });

  it('prefers an earlier rule even when a later one matches as well', () => {
    const result = matchRule(rules, lead({ country: 'AT', employeeCount: 1200 }), noFacts);
    expect(result.rule?.id).toBe('enterprise-dach');
    expect(result.trace).toHaveLength(1);
    expect(result.matchedOn).toEqual(['country AT', '1200 employees']);
  });

  it('returns no rule when none matches, with every rule in the trace (the caller uses the fallback)', () => {
    const result = matchRule(rules, lead({ country: 'FR' }), noFacts);
    expect(result.rule).toBeUndefined();
    expect(result.trace.map((entry) => entry.failedCondition)).toEqual([
      'country FR not in [DE, AT, CH]',
      'country FR not in [DE, AT, CH]',
      'country FR not in [US, CA]',
    ]);
  });

  it('matches a rule without conditions whatever the lead', () => {
    const result = matchRule(ruleSet([rule('all')]), lead(), noFacts);
    expect(result.rule?.id).toBe('all');
    expect(result.matchedOn).toEqual([]);
  });

  it('names an attribute the lead lacks as unknown', () => {
    expect(failureOf({ employeeCount: { min: 10 } }, lead())).toBe('employeeCount unknown');
    expect(failureOf({ countries: ['US'] }, lead())).toBe('country unknown');
    expect(failureOf({ industries: ['Software'] }, lead({ industry: '  ' }))).toBe('industry unknown');
    expect(failureOf({ accountSegments: ['enterprise'] }, lead())).toBe('accountSegment unknown');
  });

  it('describes the first failing condition of each kind readably', () => {
    const subject = lead({
      country: 'US',
      region: 'Texas',
      employeeCount: 50,
      industry: 'Retail',
      grade: 'C',
      behaviourScore: 120,
      productInterest: 'analytics',
      source: 'webinar',
    });
    expect(failureOf({ regions: ['CA', 'NY'] }, subject)).toBe('region Texas not in [CA, NY]');
    expect(failureOf({ employeeCount: { max: 20 } }, subject)).toBe('employeeCount 50 above 20');
    expect(failureOf({ industries: ['Software'] }, subject)).toBe('industry Retail not in [Software]');
    expect(failureOf({ grades: ['A', 'B'] }, subject)).toBe('grade C not in [A, B]');
    expect(failureOf({ behaviourScore: { max: 100 } }, subject)).toBe('behaviourScore 120 above 100');
    expect(failureOf({ productInterests: ['crm'] }, subject)).toBe('productInterest analytics not in [crm]');
    expect(failureOf({ sources: ['ads'] }, subject)).toBe('source webinar not in [ads]');
    expect(failureOf({ territories: ['us-west'] }, subject)).toBe('lead in no territory, rule needs one of [us-west]');
    expect(failureOf({ territories: ['us-west'] }, subject, { territoryIds: ['us-south'] })).toBe(
      'territories [us-south] not in [us-west]',
    );
    expect(failureOf({ accountSegments: ['smb'] }, subject, { ...noFacts, accountSegment: 'Enterprise' })).toBe(
      'accountSegment Enterprise not in [smb]',
    );
  });

  it('compares industries, regions, sources, product interests, segments and countries case-insensitively', () => {
    const when: RuleConditions = {
      countries: ['DE'],
      regions: ['Bavaria'],
      industries: ['Software'],
      productInterests: ['Analytics'],
      sources: ['Webinar'],
      accountSegments: ['enterprise'],
    };
    const subject = lead({
      country: 'de',
      region: 'BAVARIA',
      industry: ' software ',
      productInterest: 'analytics',
      source: 'WEBINAR',
    });
    const result = matchRule(ruleSet([rule('r', { when })]), subject, {
      territoryIds: [],
      accountSegment: 'Enterprise',
    });
    expect(result.rule?.id).toBe('r');
    expect(result.matchedOn[0]).toBe('country DE');
  });

  it('compares grades exactly and territories by id, and checks ranges inclusively', () => {
    const when: RuleConditions = { grades: ['A'], territories: ['dach'], behaviourScore: { min: 50, max: 80 } };
    const facts = { territoryIds: ['emea', 'dach'] };
    const result = matchRule(ruleSet([rule('r', { when })]), lead({ grade: 'A', behaviourScore: 80 }), facts);
    expect(result.matchedOn).toEqual(['territory dach', 'grade A', 'behaviour score 80']);
    expect(matchRule(ruleSet([rule('r', { when })]), lead({ behaviourScore: 50 }), facts).rule).toBeDefined();
  });

  it('always returns the first rule whose conditions hold alone, and traces exactly the rules before it', () => {
    const when = fc.record(
      {
        grades: fc.subarray([...GRADES], { minLength: 1 }),
        behaviourScore: fc.record({ min: fc.integer({ min: 0, max: 100 }) }),
        countries: fc.subarray(['DE', 'US', 'FR'], { minLength: 1 }),
      },
      { requiredKeys: [] },
    );
    const subject = fc.record({
      grade: fc.constantFrom(...GRADES),
      behaviourScore: fc.integer({ min: 0, max: 100 }),
      country: fc.option(fc.constantFrom('DE', 'US', 'FR'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(when, { maxLength: 6 }), subject, (conditions, attributes) => {
        const rules = ruleSet(conditions.map((item, index) => rule(`r${index}`, { when: item })));
        const subjectLead = lead(attributes);
        const holdsAlone = rules.rules.map((item) => matchRule(ruleSet([item]), subjectLead, noFacts).rule);
        const expected = holdsAlone.findIndex((item) => item !== undefined);
        const result = matchRule(rules, subjectLead, noFacts);
        expect(result.rule?.id).toBe(expected === -1 ? undefined : `r${expected}`);
        expect(result.trace.map((entry) => entry.ruleId)).toEqual(
          rules.rules.slice(0, expected === -1 ? rules.rules.length : expected + 1).map((item) => item.id),
        );
        expect(result.trace.every((entry) => entry.matched === (entry.ruleId === result.rule?.id))).toBe(true);
      }),
    );
  });
});
