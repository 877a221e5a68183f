import { liftOf, type RuleHitSample, suggestRulePoints, wilsonInterval } from './rule-insights';

/** `count` leads that hit exactly `hits`, of which `converted` converted. */
function leads(hits: string[], count: number, converted: number): RuleHitSample[] {
  return Array.from({ length: count }, (_, i) => ({ hits: new Set(hits), converted: i < converted ? 1 : 0 }));
}

describe('liftOf', () => {
  it('compares the conversion of leads that hit a rule with those that did not, with counts and intervals', () => {
    const samples = [...leads(['demo'], 100, 40), ...leads([], 200, 20)];

    const lift = liftOf(samples, 'demo');

    expect(lift.hit).toMatchObject({ leads: 100, converted: 40, rate: 0.4 });
    expect(lift.notHit).toMatchObject({ leads: 200, converted: 20, rate: 0.1 });
    expect(lift.lift).toBeCloseTo(4, 10);
    const [low, high] = lift.liftInterval ?? [NaN, NaN];
    expect(low).toBeGreaterThan(2);
    expect(low).toBeLessThan(4);
    expect(high).toBeGreaterThan(4);
  });

  it('gives a wide interval around a lift measured on few leads, and a narrower one on many', () => {
    const few = liftOf([...leads(['demo'], 10, 4), ...leads([], 20, 2)], 'demo');
    const many = liftOf([...leads(['demo'], 1000, 400), ...leads([], 2000, 200)], 'demo');

    const width = (interval: [number, number] | null) => (interval ? interval[1] - interval[0] : NaN);
    expect(width(few.liftInterval)).toBeGreaterThan(5 * width(many.liftInterval));
  });

  it('has no lift when one side has no leads, and no ratio when the others never converted', () => {
    expect(liftOf(leads(['demo'], 10, 3), 'demo')).toMatchObject({ lift: null, liftInterval: null });
    const neverWithout = liftOf([...leads(['demo'], 100, 30), ...leads([], 100, 0)], 'demo');
    expect(neverWithout.lift).toBeNull();
    expect(neverWithout.liftInterval?.[0]).toBeGreaterThan(1);
  });
});

describe('wilsonInterval', () => {
  it('stays within [0, 1] and contains the observed rate, even at 0 of n', () => {
    expect(wilsonInterval(0, 10)[0]).toBe(0);
    expect(wilsonInterval(0, 10)[1]).toBeGreaterThan(0.2);
    const [low, high] = wilsonInterval(30, 100);
    expect(low).toBeCloseTo(0.219, 2);
    expect(high).toBeCloseTo(0.396, 2);
  });
});

describe('suggestRulePoints', () => {
  const rules = [
    { ruleId: 'demo', points: 10 },
    { ruleId: 'blog', points: 30 },
  ];
  /** Demo requesters convert far more often; blog readers no more than anyone. */
  const samples = [
    ...leads(['demo', 'blog'], 100, 50),
    ...leads(['demo'], 100, 50),
    ...leads(['blog'], 100, 10),
    ...leads([], 100, 10),
  ];

  it('moves points to the rule that predicts conversion and keeps the total size of the points', () => {
    const [demo, blog] = suggestRulePoints(samples, rules);

    expect(demo.suggestedPoints).toBeGreaterThan(30);
    expect(Math.abs(blog.suggestedPoints)).toBeLessThanOrEqual(2);
    expect(Math.abs(demo.suggestedPoints) + Math.abs(blog.suggestedPoints)).toBeGreaterThanOrEqual(39);
    expect(Math.abs(demo.suggestedPoints) + Math.abs(blog.suggestedPoints)).toBeLessThanOrEqual(41);
    expect(demo.weight).toBeGreaterThan(1);
    expect(blog).toMatchObject({ currentPoints: 30, lift: expect.closeTo(1, 5) });
  });

  it('keeps the points of a rule too few leads hit, and names no weight for it', () => {
    const rare = { ruleId: 'webinar', points: 15 };
    const withRare = [...samples.slice(0, 395), ...leads(['webinar'], 5, 5)];

    const suggestions = suggestRulePoints(withRare, [...rules, rare]);

    expect(suggestions[2]).toMatchObject({ ruleId: 'webinar', weight: null, suggestedPoints: 15 });
    expect(suggestions[2].hit).toMatchObject({ leads: 5, converted: 5 });
  });

  it('suggests today’s points when there is nothing to learn from', () => {
    expect(suggestRulePoints([], rules).map((rule) => rule.suggestedPoints)).toEqual([10, 30]);
  });
});
