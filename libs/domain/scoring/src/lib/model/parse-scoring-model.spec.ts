import { DEFAULT_SCORING_MODEL } from '../../testing/default-model';
import { parseScoringModel, ScoringModelValidationError, validateScoringModel } from './parse-scoring-model';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Dotted path (numeric segments index arrays) → new value; `undefined` deletes the field. */
type Edits = Record<string, unknown>;

/** The default model as plain JSON with `edits` applied. */
function edited(edits: Edits): Record<string, unknown> {
  const json = clone(DEFAULT_SCORING_MODEL) as unknown as Record<string, unknown>;
  for (const [path, value] of Object.entries(edits)) {
    const segments = path.split('.');
    const last = segments.pop() as string;
    const parent = segments.reduce((node, segment) => node[segment] as Record<string, unknown>, json);
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
  return json;
}

function issuesFor(edits: Edits): readonly string[] {
  const result = validateScoringModel(edited(edits));
  if (result.ok) throw new Error('expected the model to be rejected');
  return result.issues;
}

describe('parseScoringModel', () => {
  it('accepts the default model and returns an equal, independent copy', () => {
    const json = clone(DEFAULT_SCORING_MODEL);
    const model = parseScoringModel(json);
    expect(model).toEqual(DEFAULT_SCORING_MODEL);
    expect(model).not.toBe(json);
    expect(model.behaviour.rules[0]).not.toBe(json.behaviour.rules[0]);
  });

  it('survives a JSON round trip unchanged, so models can be stored as JSON documents', () => {
    const model = parseScoringModel(clone(DEFAULT_SCORING_MODEL));
    expect(parseScoringModel(clone(model))).toEqual(model);
  });

  it('defaults omitted filters and groups to empty lists', () => {
    const model = parseScoringModel(
      edited({
        'behaviour.groups': undefined,
        'behaviour.rules': [{ id: 'r', label: 'R', activityType: 'page_view', points: 1, frequency: 'repeatable' }],
      }),
    );
    expect(model.behaviour.groups).toEqual([]);
    expect(model.behaviour.rules[0].filters).toEqual([]);
  });

  it('throws ScoringModelValidationError listing every issue as "path: reason"', () => {
    const json = { ...clone(DEFAULT_SCORING_MODEL), version: '', name: 7 };
    expect(() => parseScoringModel(json)).toThrow(ScoringModelValidationError);
    try {
      parseScoringModel(json);
    } catch (error) {
      expect((error as ScoringModelValidationError).issues).toEqual([
        'version: must not be empty',
        'name: must be a string, got the number 7',
      ]);
      expect((error as Error).message).toContain('invalid scoring model:\n  version: must not be empty');
    }
  });

  it('rejects a non-object document', () => {
    expect(validateScoringModel([])).toEqual({ ok: false, issues: ['(model): must be an object, got an array'] });
  });

  it('reports missing top-level sections', () => {
    const result = validateScoringModel({ id: 'm', version: '1', name: 'M' });
    expect(result).toEqual({
      ok: false,
      issues: ['behaviour: is required', 'fit: is required', 'qualification: is required'],
    });
  });

  it('reports unknown fields so typos do not silently disable a setting', () => {
    expect(issuesFor({ 'behaviour.halfLife': 30 })).toEqual([
      'behaviour.halfLife: is not a known field (expected rules, groups, halfLifeDays, totalLimit)',
    ]);
  });

  it('reports wrong types, required fields and bad numbers in rules with their index', () => {
    const issues = issuesFor({
      'behaviour.rules.1.points': 0,
      'behaviour.rules.2.label': undefined,
      'behaviour.rules.3.frequency': 'daily',
      'behaviour.rules.4.maxPoints': -5,
      'behaviour.rules.5.window': { days: 0, maxPoints: 'ten' },
      'behaviour.halfLifeDays': -1,
    });
    expect(issues).toEqual([
      'behaviour.rules[1].points: must not be 0',
      'behaviour.rules[2].label: is required',
      'behaviour.rules[3].frequency: must be one of once_per_lead, repeatable, got the string "daily"',
      'behaviour.rules[4].maxPoints: must be greater than 0, got -5',
      'behaviour.rules[5].window.days: must be greater than 0, got 0',
      'behaviour.rules[5].window.maxPoints: must be a finite number, got the string "ten"',
      'behaviour.halfLifeDays: must be greater than 0, got -1',
    ]);
  });

  it('rejects ids that are not identifiers', () => {
    expect(issuesFor({ 'behaviour.rules.0.id': 'pricing page' })).toEqual([
      'behaviour.rules[0].id: must be 1-128 letters, digits, _ . : - starting with a letter or digit, got the string "pricing page"',
    ]);
  });

  it('rejects rule ids repeated across behaviour and fit rules', () => {
    expect(issuesFor({ 'fit.rules.0.id': 'demo-request' })).toEqual([
      'fit.rules[0].id: duplicates behaviour.rules[2].id ("demo-request")',
    ]);
  });

  it('rejects duplicate group ids', () => {
    expect(issuesFor({ 'behaviour.groups.1.id': 'intent' })).toContain(
      'behaviour.groups[1].id: duplicates behaviour.groups[0].id ("intent")',
    );
  });

  it('rejects a rule that refers to an unknown group', () => {
    expect(issuesFor({ 'behaviour.rules.0.groupId': 'product' })).toEqual([
      'behaviour.rules[0].groupId: refers to unknown group "product" (known: intent, engagement)',
    ]);
  });

  it('rejects a customType on a non-custom activity', () => {
    expect(issuesFor({ 'behaviour.rules.0.customType': 'quote' })).toEqual([
      'behaviour.rules[0].customType: is only allowed with activityType "custom"',
    ]);
  });

  it('accepts a null half-life override (never decays) but not a zero one', () => {
    expect(parseScoringModel(clone(DEFAULT_SCORING_MODEL)).behaviour.rules[8].halfLifeDays).toBeNull();
    expect(issuesFor({ 'behaviour.rules.0.halfLifeDays': 0 })).toEqual([
      'behaviour.rules[0].halfLifeDays: must be greater than 0, got 0',
    ]);
  });

  it('rejects filter paths outside properties. and profile.', () => {
    expect(issuesFor({ 'behaviour.rules.1.filters.0.path': 'url' })).toEqual([
      'behaviour.rules[1].filters[0].path: must be a dotted path starting with "properties." or "profile.", got the string "url"',
    ]);
  });

  it('rejects an invalid regular expression with the engine message', () => {
    const issues = issuesFor({ 'behaviour.rules.1.filters.0.condition.pattern': '(/pricing' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(
      /^behaviour\.rules\[1\]\.filters\[0\]\.condition\.pattern: is not a valid regular expression \(/,
    );
  });

  it('validates each condition kind', () => {
    const issues = issuesFor({
      'fit.rules.0.condition': { op: 'in', values: [] },
      'fit.rules.1.condition': { op: 'range' },
      'fit.rules.2.condition': { op: 'range', min: 10, max: 5 },
      'fit.rules.3.condition': { op: 'between', min: 1 },
      'fit.rules.4.condition': { op: 'equals', value: { a: 1 } },
      'fit.rules.5.condition': { op: 'exists', value: true },
    });
    expect(issues).toEqual([
      'fit.rules[0].condition.values: must not be empty',
      'fit.rules[1].condition: a range needs min, max or both',
      'fit.rules[2].condition.max: must not be lower than min (10), got 5',
      'fit.rules[3].condition.op: must be one of equals, in, range, matches, exists, got the string "between"',
      'fit.rules[4].condition.value: must be a string, number or boolean, got an object',
      'fit.rules[5].condition.value: is not allowed with op "exists"',
    ]);
  });

  it('rejects an unknown fit attribute but accepts traits.<name>', () => {
    expect(issuesFor({ 'fit.rules.0.attribute': 'size' })).toEqual([
      'fit.rules[0].attribute: must be one of industry, employeeCount, title, seniority, country, companyDomain, emailDomain or traits.<name>, got the string "size"',
    ]);
    expect(parseScoringModel(edited({ 'fit.rules.0.attribute': 'traits.plan' })).fit.rules[0].attribute).toBe(
      'traits.plan',
    );
  });

  it('requires grade thresholds in strictly decreasing order', () => {
    expect(issuesFor({ 'fit.grades': { A: 50, B: 50, C: 60 } })).toEqual([
      'fit.grades.B: must be lower than A (50), got 50',
      'fit.grades.C: must be lower than B (50), got 60',
    ]);
  });

  it('validates the qualification grade', () => {
    expect(issuesFor({ 'qualification.minGrade': 'E' })).toEqual([
      'qualification.minGrade: must be one of A, B, C, D, got the string "E"',
    ]);
  });

  it('requires the cold threshold to sit below the qualification bar', () => {
    expect(issuesFor({ 'decayThresholds.coldBelow': 60 })).toEqual([
      'decayThresholds.coldBelow: must be lower than qualification.minBehaviour (60), got 60',
    ]);
  });

  it('accepts a model without decay thresholds or total limit', () => {
    const model = parseScoringModel(edited({ decayThresholds: undefined, 'behaviour.totalLimit': undefined }));
    expect(model.decayThresholds).toBeUndefined();
    expect('totalLimit' in model.behaviour).toBe(false);
  });
});
