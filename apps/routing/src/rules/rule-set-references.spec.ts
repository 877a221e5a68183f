import { knownRecordsOf, unknownReferences } from './rule-set-references';

const known = { pools: new Set(['inbound', 'enterprise']), territories: new Set(['dach']) };

describe('unknownReferences', () => {
  it('names every pool of the rules and the fallback, and every territory, the directory lacks', () => {
    const ruleSet = {
      version: '2',
      rules: [
        { id: 'a', when: { territories: ['dach', 'nordics', 'benelux'] }, pool: 'enterprise' },
        { id: 'b', when: {}, pool: 'emea-ent' },
      ],
      fallback: { pool: 'catch-all', strategy: 'round_robin' },
    };

    expect(unknownReferences(ruleSet, known)).toEqual([
      'rules[0].when.territories: territory nordics is not in the directory',
      'rules[0].when.territories: territory benelux is not in the directory',
      'rules[1].pool: pool emea-ent is not in the directory',
      'fallback.pool: pool catch-all is not in the directory',
    ]);
  });

  it('finds nothing to report in a rule set naming only known records', () => {
    const ruleSet = { rules: [{ when: { territories: ['dach'] }, pool: 'inbound' }], fallback: { pool: 'inbound' } };
    expect(unknownReferences(ruleSet, known)).toEqual([]);
  });

  it('reads a malformed document as far as it can and leaves the rest to validation', () => {
    expect(unknownReferences('rules', known)).toEqual([]);
    expect(unknownReferences({ rules: 'x', fallback: [] }, known)).toEqual([]);
    const malformed = {
      rules: [null, { pool: 7, when: { territories: 'dach' } }, { pool: '', when: [] }, { pool: 'x' }],
    };
    expect(unknownReferences(malformed, known)).toEqual(['rules[3].pool: pool x is not in the directory']);
  });

  it('knows the ids of the directory’s pools and territories', () => {
    const directory = { pools: [{ id: 'inbound' }], territories: [{ id: 'dach' }, { id: 'nordics' }] };
    expect(knownRecordsOf(directory as never)).toEqual({
      pools: new Set(['inbound']),
      territories: new Set(['dach', 'nordics']),
    });
  });
});
