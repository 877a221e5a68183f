import { parseRoutingRules, RoutingRulesValidationError, validateRoutingRules } from './parse-routing-rules';

const DOCUMENT = {
  version: '2026-03',
  rules: [
    {
      id: 'enterprise-dach',
      description: 'Large companies in Germany, Austria and Switzerland',
      when: { countries: ['DE', 'AT', 'CH'], employeeCount: { min: 1000 } },
      pool: 'emea-ent',
      strategy: 'weighted_round_robin',
      accountOwnerFirst: true,
    },
    {
      id: 'hot-us',
      when: { countries: ['US'], grades: ['A', 'B'], behaviourScore: { min: 60, max: 100 }, sources: ['webinar'] },
      pool: 'us-inbound',
      strategy: 'least_loaded',
    },
    { id: 'everything-else', pool: 'general', strategy: 'round_robin' },
  ],
  fallback: { pool: 'general', strategy: 'round_robin' },
  accountNameSimilarity: 0.85,
};

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Dotted path (numeric segments index arrays) → new value; `undefined` deletes the field. */
function edited(edits: Record<string, unknown>): Record<string, unknown> {
  const json = clone(DOCUMENT) as unknown as Record<string, unknown>;
  for (const [path, value] of Object.entries(edits)) {
    const segments = path.split('.');
    const last = segments.pop() as string;
    const parent = segments.reduce((node, segment) => node[segment] as Record<string, unknown>, json);
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
  return json;
}

function issuesFor(edits: Record<string, unknown>): readonly string[] {
  const result = validateRoutingRules(edited(edits));
  if (result.ok) throw new Error('expected the rules to be rejected');
  return result.issues;
}

describe('validateRoutingRules', () => {
  it('accepts a valid document and returns a fresh copy with defaults filled in', () => {
    const json = clone(DOCUMENT);
    const ruleSet = parseRoutingRules(json);
    expect(ruleSet.rules.map((rule) => rule.id)).toEqual(['enterprise-dach', 'hot-us', 'everything-else']);
    expect(ruleSet.rules[0]).toEqual({ ...DOCUMENT.rules[0] });
    expect(ruleSet.rules[1].accountOwnerFirst).toBe(false);
    expect(ruleSet.rules[2].when).toEqual({});
    expect(ruleSet.rules[0].when).not.toBe(json.rules[0].when);
    expect(ruleSet.accountNameSimilarity).toBe(0.85);
  });

  it('defaults the account name similarity to 0.9', () => {
    expect(parseRoutingRules(edited({ accountNameSimilarity: undefined })).accountNameSimilarity).toBe(0.9);
  });

  it('survives a JSON round trip unchanged, so rule sets can be stored as JSON documents', () => {
    const ruleSet = parseRoutingRules(clone(DOCUMENT));
    expect(parseRoutingRules(clone(ruleSet))).toEqual(ruleSet);
  });

  it('throws RoutingRulesValidationError listing every issue as "path: reason"', () => {
    const json = edited({ version: 'march 2026', 'fallback.strategy': 'random' });
    expect(() => parseRoutingRules(json)).toThrow(RoutingRulesValidationError);
    try {
      parseRoutingRules(json);
    } catch (error) {
      expect((error as RoutingRulesValidationError).issues).toEqual([
        'version: must be 1-128 letters, digits, _ . : - starting with a letter or digit, got the string "march 2026"',
        'fallback.strategy: must be one of round_robin, weighted_round_robin, least_loaded, capacity_aware, got the string "random"',
      ]);
      expect((error as Error).message).toContain('invalid routing rules:\n  version: must be');
    }
  });

  it('rejects a non-object document and reports missing sections', () => {
    expect(validateRoutingRules('rules')).toEqual({
      ok: false,
      issues: ['(rules): must be an object, got the string "rules"'],
    });
    expect(validateRoutingRules({})).toEqual({
      ok: false,
      issues: ['version: is required', 'rules: is required', 'fallback: is required'],
    });
  });

  it('reports unknown fields at every level so typos do not silently change routing', () => {
    expect(
      issuesFor({
        fallbak: { pool: 'x' },
        'rules.0.accountOwner': true,
        'rules.1.when.country': ['US'],
      }),
    ).toEqual([
      'fallbak: is not a known field (expected version, rules, fallback, accountNameSimilarity)',
      'rules[0].accountOwner: is not a known field (expected id, description, when, pool, strategy, accountOwnerFirst)',
      'rules[1].when.country: is not a known field (expected countries, regions, territories, employeeCount, industries, grades, behaviourScore, productInterests, sources, accountSegments)',
    ]);
  });

  it('lists every invalid field of every rule, not just the first', () => {
    expect(
      issuesFor({
        'rules.0.pool': undefined,
        'rules.0.strategy': 'fastest',
        'rules.0.accountOwnerFirst': 'yes',
        'rules.1.when.countries': ['us', 'USA', 'CA'],
        'rules.1.when.grades': ['A', 'E'],
        'rules.1.when.sources': [],
        'rules.2.when': { employeeCount: { min: 500, max: 100 }, behaviourScore: {}, industries: 'software' },
      }),
    ).toEqual([
      'rules[0].pool: is required',
      'rules[0].strategy: must be one of round_robin, weighted_round_robin, least_loaded, capacity_aware, got the string "fastest"',
      'rules[0].accountOwnerFirst: must be true or false, got the string "yes"',
      'rules[1].when.countries[0]: must be an ISO 3166-1 alpha-2 code in upper case (e.g. DE), got the string "us"',
      'rules[1].when.countries[1]: must be an ISO 3166-1 alpha-2 code in upper case (e.g. DE), got the string "USA"',
      'rules[1].when.grades[1]: must be one of A, B, C, D, got the string "E"',
      'rules[1].when.sources: must list at least one value',
      'rules[2].when.employeeCount.max: must not be lower than min (500), got 100',
      'rules[2].when.industries: must be an array, got the string "software"',
      'rules[2].when.behaviourScore: a range needs min, max or both',
    ]);
  });

  it('rejects negative employee counts, non-numeric bounds and empty or over-long text', () => {
    expect(
      issuesFor({
        'rules.0.when': { employeeCount: { min: -1, max: '10' }, regions: [' ', 'x'.repeat(201)], territories: [7] },
      }),
    ).toEqual([
      'rules[0].when.regions[0]: must not be empty',
      'rules[0].when.regions[1]: must be at most 200 characters',
      'rules[0].when.territories[0]: must be a string, got the number 7',
      'rules[0].when.employeeCount.min: must not be lower than 0, got -1',
      'rules[0].when.employeeCount.max: must be a finite number, got the string "10"',
    ]);
  });

  it('rejects duplicate rule ids naming both places', () => {
    expect(issuesFor({ 'rules.2.id': 'enterprise-dach' })).toEqual([
      'rules[2].id: duplicates rules[0].id ("enterprise-dach")',
    ]);
  });

  it('rejects a rule that is not an object and a rules list that is not an array', () => {
    expect(issuesFor({ 'rules.1': 'hot-us' })).toEqual(['rules[1]: must be an object, got the string "hot-us"']);
    expect(issuesFor({ rules: { id: 'x' } })).toEqual(['rules: must be an array, got an object']);
  });

  it('accepts an empty rule list (everything goes to the fallback pool)', () => {
    expect(parseRoutingRules(edited({ rules: [] })).rules).toEqual([]);
  });

  it('keeps the account name similarity within 0..1', () => {
    expect(issuesFor({ accountNameSimilarity: 1.5 })).toEqual([
      'accountNameSimilarity: must be between 0 and 1, got 1.5',
    ]);
    expect(issuesFor({ accountNameSimilarity: 'high' })).toEqual([
      'accountNameSimilarity: must be a finite number, got the string "high"',
    ]);
  });
});
