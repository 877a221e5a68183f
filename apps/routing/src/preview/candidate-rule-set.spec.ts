import { DomainError } from '@handoff/shared-errors';
import { candidateRuleSetOf } from './candidate-rule-set';

const valid = {
  version: 'candidate-1',
  rules: [{ id: 'dach', when: { countries: ['DE'] }, pool: 'dach', strategy: 'round_robin' }],
  fallback: { pool: 'inbound', strategy: 'round_robin' },
};

function rejectionOf(json: unknown): DomainError {
  try {
    candidateRuleSetOf(json);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the rule set was accepted');
}

describe('candidateRuleSetOf', () => {
  it('answers a valid document as the domain parses it, defaults filled', () => {
    expect(candidateRuleSetOf(valid)).toMatchObject({
      version: 'candidate-1',
      rules: [{ id: 'dach', pool: 'dach', accountOwnerFirst: false }],
      accountNameSimilarity: 0.9,
    });
  });

  it('lists every issue as a field below ruleSet', () => {
    const error = rejectionOf({ ...valid, rules: [{ id: 'dach', when: {}, strategy: 'lottery' }], colour: 'red' });
    expect(error.code).toBe('invalid');
    expect(error.details?.map((issue) => issue.field)).toEqual([
      'ruleSet.colour',
      'ruleSet.rules[0].pool',
      'ruleSet.rules[0].strategy',
    ]);
    expect(error.details?.[1].reasons).toEqual(['is required']);
  });

  it('names ruleSet itself for a problem of the whole document', () => {
    expect(rejectionOf('rules').details).toEqual([
      { field: 'ruleSet', reasons: ['must be an object, got the string "rules"'] },
    ]);
  });
});
