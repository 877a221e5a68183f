import { applyAll, day, engagement, modelWith, rule } from '../../testing/builders';
import { createLeadState } from '../state/lead-state';
import { behaviourScoreAt, behaviourTotalOverTime } from './behaviour-score';

describe('behaviourScoreAt', () => {
  describe('continuous decay', () => {
    const model = modelWith([rule({ id: 'page', points: 10 })], { halfLifeDays: 30 });
    const { state } = applyAll([engagement('e1', 'page_view', 0)], model);

    it.each([
      [0, 10],
      [15, 10 / Math.SQRT2],
      [30, 5],
      [60, 2.5],
      [90, 1.25],
      [365, 10 * 0.5 ** (365 / 30)],
    ])('gives 10 points with a 30-day half-life %p days later as %p', (days, expected) => {
      expect(behaviourScoreAt(state, day(days), model).total).toBeCloseTo(expected, 10);
    });

    it('decays each contribution from its own event time', () => {
      const two = applyAll([engagement('e1', 'page_view', 0), engagement('e2', 'page_view', 30)], model).state;
      expect(behaviourScoreAt(two, day(60), model).total).toBeCloseTo(2.5 + 5, 10);
    });

    it('ignores contributions whose event time is after the time asked for', () => {
      const two = applyAll([engagement('e1', 'page_view', 0), engagement('e2', 'page_view', 30)], model).state;
      expect(behaviourScoreAt(two, day(29), model).total).toBeCloseTo(10 * 0.5 ** (29 / 30), 10);
    });

    it('uses a rule half-life override, and never decays a null half-life', () => {
      const mixed = modelWith([
        rule({ id: 'demo', activityType: 'demo_request', points: 40, halfLifeDays: 60 }),
        rule({ id: 'unsub', activityType: 'unsubscribe', points: -20, halfLifeDays: null }),
      ]);
      const lead = applyAll([engagement('e1', 'demo_request', 0), engagement('e2', 'unsubscribe', 0)], mixed).state;
      expect(behaviourScoreAt(lead, day(60), mixed).total).toBeCloseTo(20 - 20, 10);
      expect(behaviourScoreAt(lead, day(120), mixed).total).toBeCloseTo(10 - 20, 10);
    });

    it('accepts the time as ISO text, epoch milliseconds or a Date', () => {
      const at = day(30);
      const totals = [at, Date.parse(at), new Date(at)].map((value) => behaviourScoreAt(state, value, model).total);
      expect(totals).toEqual([5, 5, 5]);
    });

    it('is zero for a lead without contributions', () => {
      expect(behaviourScoreAt(createLeadState('lead-1'), day(0), model)).toMatchObject({
        total: 0,
        uncappedTotal: 0,
        topFactors: [],
      });
    });
  });

  describe('groups and total limit', () => {
    const groups = [
      { id: 'intent', label: 'Intent', limit: 50 },
      { id: 'content', label: 'Content', limit: 20 },
    ];
    const rules = [
      rule({ id: 'demo', activityType: 'demo_request', points: 40, groupId: 'intent' }),
      rule({ id: 'pricing', activityType: 'pricing_page_view', points: 30, groupId: 'intent' }),
      rule({ id: 'download', activityType: 'content_download', points: 15, groupId: 'content' }),
      rule({ id: 'unsub', activityType: 'unsubscribe', points: -25, halfLifeDays: null }),
      rule({ id: 'page', points: 10 }),
    ];
    const events = [
      engagement('e1', 'demo_request', 0),
      engagement('e2', 'pricing_page_view', 0),
      engagement('e3', 'content_download', 0),
      engagement('e4', 'page_view', 0),
    ];

    it('caps each group at its limit on the decayed sum and adds ungrouped points', () => {
      const model = modelWith(rules, { groups });
      const score = behaviourScoreAt(applyAll(events, model).state, day(0), model);
      expect(score.byGroup).toEqual({
        intent: { groupId: 'intent', label: 'Intent', earned: 70, penalties: 0, score: 50, limit: 50 },
        content: { groupId: 'content', label: 'Content', earned: 15, penalties: 0, score: 15, limit: 20 },
      });
      expect(score.ungrouped).toBe(10);
      expect(score.total).toBe(50 + 15 + 10);
      expect(score.uncappedTotal).toBe(95);
    });

    it('applies the group limit after decay, so a capped group stays at its limit until decay brings it below', () => {
      const model = modelWith(rules, { groups });
      const { state } = applyAll(events.slice(0, 2), model);
      expect(behaviourScoreAt(state, day(5), model).byGroup['intent'].score).toBe(50);
      expect(behaviourScoreAt(state, day(30), model).byGroup['intent'].score).toBeCloseTo(35, 10);
    });

    it('caps the total after the group limits', () => {
      const model = modelWith(rules, { groups, totalLimit: 60 });
      const score = behaviourScoreAt(applyAll(events, model).state, day(0), model);
      expect(score.total).toBe(60);
      expect(score.uncappedTotal).toBe(95);
    });

    it('subtracts penalties after the limits, so an unsubscribe lowers even a lead over its limits', () => {
      const model = modelWith(rules, { groups, totalLimit: 60 });
      const { state } = applyAll([...events, engagement('e5', 'unsubscribe', 0)], model);
      expect(behaviourScoreAt(state, day(0), model).total).toBe(60 - 25);
    });

    it("subtracts a grouped penalty after that group's limit", () => {
      const withGroupedPenalty = [
        ...rules,
        rule({ id: 'bounce', activityType: 'email_bounce', points: -30, groupId: 'intent' }),
      ];
      const model = modelWith(withGroupedPenalty, { groups });
      const { state } = applyAll([...events.slice(0, 2), engagement('e5', 'email_bounce', 0)], model);
      expect(behaviourScoreAt(state, day(0), model).byGroup['intent']).toMatchObject({
        earned: 70,
        penalties: -30,
        score: 20,
      });
      expect(behaviourScoreAt(state, day(0), model).total).toBe(20);
    });

    it('keeps scoring a group that was removed from the model, without a limit', () => {
      const model = modelWith(rules, { groups });
      const { state } = applyAll(events.slice(0, 2), model);
      const edited = modelWith(rules.map((r) => ({ ...r, groupId: undefined })));
      expect(behaviourScoreAt(state, day(0), edited).byGroup['intent']).toEqual({
        groupId: 'intent',
        label: 'intent',
        earned: 70,
        penalties: 0,
        score: 70,
        limit: null,
      });
    });
  });

  describe('top factors', () => {
    const model = modelWith([
      rule({ id: 'demo', label: 'Requested a demo', activityType: 'demo_request', points: 40 }),
      rule({ id: 'click', label: 'Clicked an email', activityType: 'email_click', points: 3 }),
      rule({ id: 'unsub', label: 'Unsubscribed', activityType: 'unsubscribe', points: -25 }),
    ]);
    const { state } = applyAll(
      [
        engagement('e1', 'email_click', 0),
        engagement('e2', 'email_click', 30),
        engagement('e3', 'demo_request', 30),
        engagement('e4', 'unsubscribe', 30),
      ],
      model,
    );

    it('sums decayed points per rule and orders by magnitude with labels from the model', () => {
      expect(behaviourScoreAt(state, day(30), model).topFactors).toEqual([
        { ruleId: 'demo', label: 'Requested a demo', points: 40, groupId: null },
        { ruleId: 'unsub', label: 'Unsubscribed', points: -25, groupId: null },
        { ruleId: 'click', label: 'Clicked an email', points: 1.5 + 3, groupId: null },
      ]);
    });

    it('returns at most the requested number of factors', () => {
      expect(behaviourScoreAt(state, day(30), model, 1).topFactors.map((f) => f.ruleId)).toEqual(['demo']);
    });

    it('falls back to the rule id when the rule is no longer in the model', () => {
      const factors = behaviourScoreAt(state, day(30), modelWith([])).topFactors;
      expect(factors[0]).toEqual({ ruleId: 'demo', label: 'demo', points: 40, groupId: null });
    });
  });
});

describe('behaviourTotalOverTime', () => {
  const groups = [{ id: 'intent', label: 'Intent', limit: 50 }];
  const model = modelWith(
    [
      rule({ id: 'demo', activityType: 'demo_request', points: 40, groupId: 'intent', halfLifeDays: 60 }),
      rule({ id: 'pricing', activityType: 'pricing_page_view', points: 30, groupId: 'intent' }),
      rule({ id: 'unsub', activityType: 'unsubscribe', points: -25, halfLifeDays: null }),
      rule({ id: 'page', points: 10 }),
    ],
    { groups, totalLimit: 55, halfLifeDays: 30 },
  );
  const { state } = applyAll(
    [
      engagement('e1', 'demo_request', 0),
      engagement('e2', 'pricing_page_view', 10),
      engagement('e3', 'page_view', 20),
      engagement('e4', 'unsubscribe', 40),
    ],
    model,
  );

  it.each([-1, 0, 5, 10, 15, 20, 39, 40, 90, 400])(
    'gives the same total as behaviourScoreAt %p days in (before, between and after contributions)',
    (days) => {
      const at = Date.parse(day(days));
      expect(behaviourTotalOverTime(state, model)(at)).toBe(behaviourScoreAt(state, at, model).total);
    },
  );
});
