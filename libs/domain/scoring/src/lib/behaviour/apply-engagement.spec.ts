import { applyAll, awardsOf, day, engagement, modelWith, rule } from '../../testing/builders';
import { ANY_ACTIVITY } from '../model/scoring-model.types';
import { createLeadState } from '../state/lead-state';
import { applyEngagement } from './apply-engagement';

describe('applyEngagement', () => {
  const pageView = rule({ id: 'page', points: 5 });
  const model = modelWith([pageView]);

  it('records a contribution and an "awarded" ledger entry for a matching rule', () => {
    const result = applyEngagement(createLeadState('lead-1'), engagement('e1', 'page_view', 0), model, {
      recordedAt: day(30),
    });
    expect(result.state.contributions).toEqual([
      {
        eventId: 'e1',
        ruleId: 'page',
        modelVersion: 'v1',
        occurredAt: day(0),
        points: 5,
        awarded: 5,
        cap: null,
        groupId: null,
        halfLifeDays: 30,
      },
    ]);
    expect(result.ledger).toEqual([
      {
        kind: 'awarded',
        eventId: 'e1',
        ruleId: 'page',
        modelVersion: 'v1',
        occurredAt: day(0),
        recordedAt: day(30),
        causeEventId: 'e1',
        points: 5,
        previousAwarded: 0,
        awarded: 5,
        pointsAfterDecay: 2.5,
        cap: null,
        mergedFromLeadId: null,
      },
    ]);
    expect(result.matchedRuleIds).toEqual(['page']);
  });

  it('records nothing for an engagement no rule matches', () => {
    const result = applyEngagement(createLeadState('lead-1'), engagement('e1', 'email_open', 0), model);
    expect(result.state.contributions).toEqual([]);
    expect(result.ledger).toEqual([]);
  });

  it('lets one event feed every rule it matches', () => {
    const pricing = rule({
      id: 'pricing',
      points: 10,
      filters: [{ path: 'properties.url', condition: { op: 'matches', pattern: '/pricing' } }],
    });
    const result = applyEngagement(
      createLeadState('lead-1'),
      engagement('e1', 'page_view', 0, { properties: { url: '/pricing' } }),
      modelWith([pageView, pricing]),
    );
    expect(result.state.contributions.map((c) => [c.ruleId, c.awarded])).toEqual([
      ['page', 5],
      ['pricing', 10],
    ]);
  });

  it('ignores an event it has already applied (redelivery)', () => {
    const once = applyEngagement(createLeadState('lead-1'), engagement('e1', 'page_view', 0), model);
    const again = applyEngagement(once.state, engagement('e1', 'page_view', 0), model);
    expect(again).toEqual({
      state: once.state,
      ledger: [],
      duplicate: true,
      profileChanged: false,
      matchedRuleIds: [],
    });
  });

  it('does not mutate the state it is given', () => {
    const state = createLeadState('lead-1');
    const before = JSON.stringify(state);
    applyEngagement(state, engagement('e1', 'page_view', 0, { profile: { industry: 'software' } }), model);
    expect(JSON.stringify(state)).toBe(before);
  });

  describe('negative rules', () => {
    it('subtracts points, e.g. for an unsubscribe', () => {
      const unsubscribe = rule({ id: 'unsub', activityType: 'unsubscribe', points: -20, frequency: 'once_per_lead' });
      const { state } = applyAll([engagement('e1', 'unsubscribe', 0)], modelWith([unsubscribe]));
      expect(state.contributions[0].awarded).toBe(-20);
    });

    it('caps the magnitude of negative points like positive ones', () => {
      const bounce = rule({ id: 'bounce', activityType: 'email_bounce', points: -10, maxPoints: 15 });
      const { state } = applyAll(
        [engagement('e1', 'email_bounce', 0), engagement('e2', 'email_bounce', 1), engagement('e3', 'email_bounce', 2)],
        modelWith([bounce]),
      );
      expect(awardsOf(state)).toEqual({ 'e1/bounce': -10, 'e2/bounce': -5, 'e3/bounce': 0 });
    });

    it('penalises a competitor domain once, from the profile the event carries', () => {
      const competitor = rule({
        id: 'competitor',
        activityType: ANY_ACTIVITY,
        points: -50,
        frequency: 'once_per_lead',
        filters: [{ path: 'profile.emailDomain', condition: { op: 'equals', value: 'rival.io' } }],
      });
      const { state } = applyAll(
        [engagement('e1', 'page_view', 0, { profile: { emailDomain: 'rival.io' } }), engagement('e2', 'page_view', 1)],
        modelWith([competitor]),
      );
      expect(awardsOf(state)).toEqual({ 'e1/competitor': -50, 'e2/competitor': 0 });
    });
  });

  describe('once per lead', () => {
    const demo = rule({ id: 'demo', activityType: 'demo_request', points: 40, frequency: 'once_per_lead' });

    it('awards only the first matching event', () => {
      const { state, ledger } = applyAll(
        [engagement('e1', 'demo_request', 0), engagement('e2', 'demo_request', 1)],
        modelWith([demo]),
      );
      expect(awardsOf(state)).toEqual({ 'e1/demo': 40, 'e2/demo': 0 });
      expect(ledger[1]).toMatchObject({ eventId: 'e2', awarded: 0, cap: 'once_per_lead' });
    });

    it('moves the award to an older event that arrives late, with an adjustment entry', () => {
      const { state, ledger } = applyAll(
        [engagement('late-but-newer', 'demo_request', 5), engagement('older', 'demo_request', 1)],
        modelWith([demo]),
      );
      expect(awardsOf(state)).toEqual({ 'older/demo': 40, 'late-but-newer/demo': 0 });
      expect(ledger.slice(1)).toEqual([
        expect.objectContaining({ kind: 'awarded', eventId: 'older', awarded: 40, causeEventId: 'older' }),
        expect.objectContaining({
          kind: 'adjusted',
          eventId: 'late-but-newer',
          previousAwarded: 40,
          awarded: 0,
          cap: 'once_per_lead',
          causeEventId: 'older',
        }),
      ]);
    });
  });

  describe('per-rule cap', () => {
    it('stops awarding once the raw total reaches maxPoints, with a partial award at the boundary', () => {
      const webinar = rule({ id: 'webinar', points: 15, maxPoints: 40 });
      const { state } = applyAll(
        [0, 10, 20, 30].map((at, index) => engagement(`e${index}`, 'page_view', at)),
        modelWith([webinar]),
      );
      expect(awardsOf(state)).toEqual({ 'e0/webinar': 15, 'e1/webinar': 15, 'e2/webinar': 10, 'e3/webinar': 0 });
      expect(state.contributions.map((c) => c.cap)).toEqual([null, null, 'rule_cap', 'rule_cap']);
    });

    it('counts the cap on raw points, so decayed contributions do not free up room', () => {
      const capped = rule({ id: 'capped', points: 10, maxPoints: 20 });
      const { state } = applyAll(
        [engagement('e1', 'page_view', 0), engagement('e2', 'page_view', 1), engagement('e3', 'page_view', 365)],
        modelWith([capped]),
      );
      expect(awardsOf(state)['e3/capped']).toBe(0);
    });
  });

  describe('per-window cap', () => {
    const clicks = rule({ id: 'click', activityType: 'email_click', points: 3, window: { days: 7, maxPoints: 9 } });
    const clicksAt = (...days: number[]) => days.map((at, index) => engagement(`c${index}`, 'email_click', at));

    it('limits the points awarded within any window of N days', () => {
      const { state } = applyAll(clicksAt(0, 1, 2, 3, 4), modelWith([clicks]));
      expect(Object.values(awardsOf(state))).toEqual([3, 3, 3, 0, 0]);
      expect(state.contributions[3].cap).toBe('window_cap');
    });

    it('frees room as earlier awards leave the trailing window (t - N days, t]', () => {
      const { state } = applyAll(clicksAt(0, 1, 2, 6.9, 7, 8.5), modelWith([clicks]));
      expect(Object.values(awardsOf(state))).toEqual([3, 3, 3, 0, 3, 3]);
    });

    it('re-derives later awards when an older event arrives late', () => {
      const { state, ledger } = applyAll(clicksAt(1, 2, 3, 0), modelWith([clicks]));
      expect(awardsOf(state)).toEqual({ 'c3/click': 3, 'c0/click': 3, 'c1/click': 3, 'c2/click': 0 });
      expect(ledger.filter((entry) => entry.kind === 'adjusted')).toEqual([
        expect.objectContaining({
          eventId: 'c2',
          previousAwarded: 3,
          awarded: 0,
          cap: 'window_cap',
          causeEventId: 'c3',
        }),
      ]);
    });

    it('ends in the same awards whatever the arrival order', () => {
      const inOrder = applyAll(clicksAt(0, 1, 2, 3, 9, 10), modelWith([clicks])).state;
      const shuffled = applyAll(
        [3, 0, 5, 1, 4, 2].map((index) => clicksAt(0, 1, 2, 3, 9, 10)[index]),
        modelWith([clicks]),
      ).state;
      expect(shuffled.contributions).toEqual(inOrder.contributions);
    });

    it('applies both caps, reporting the tighter one', () => {
      const both = rule({ id: 'both', points: 5, maxPoints: 12, window: { days: 7, maxPoints: 8 } });
      const { state } = applyAll(
        [0, 1, 10, 11].map((at, index) => engagement(`e${index}`, 'page_view', at)),
        modelWith([both]),
      );
      expect(Object.values(awardsOf(state))).toEqual([5, 3, 4, 0]);
      expect(state.contributions.map((c) => c.cap)).toEqual([null, 'window_cap', 'rule_cap', 'rule_cap']);
    });
  });

  describe('profile', () => {
    it('overwrites with newer profile data and reports the change', () => {
      const first = applyEngagement(
        createLeadState('lead-1'),
        engagement('e1', 'profile_update', 0, { profile: { industry: 'retail', employeeCount: 20 } }),
        model,
      );
      const second = applyEngagement(
        first.state,
        engagement('e2', 'profile_update', 1, { profile: { industry: 'software' } }),
        model,
      );
      expect(second.state.profile).toEqual({ industry: 'software', employeeCount: 20 });
      expect(second.state.profileAsOf).toBe(day(1));
      expect(second.profileChanged).toBe(true);
    });

    it('lets older profile data only fill gaps', () => {
      const first = applyEngagement(
        createLeadState('lead-1'),
        engagement('e1', 'profile_update', 5, { profile: { industry: 'software' } }),
        model,
      );
      const older = applyEngagement(
        first.state,
        engagement('e2', 'profile_update', 1, { profile: { industry: 'retail', country: 'DE' } }),
        model,
      );
      expect(older.state.profile).toEqual({ industry: 'software', country: 'DE' });
      expect(older.state.profileAsOf).toBe(day(5));
    });

    it('reports no change when the profile data is already known', () => {
      const profile = { industry: 'software' };
      const first = applyEngagement(createLeadState('lead-1'), engagement('e1', 'page_view', 0, { profile }), model);
      expect(applyEngagement(first.state, engagement('e2', 'page_view', 1, { profile }), model).profileChanged).toBe(
        false,
      );
    });
  });

  it('snapshots the group and half-life override on the contribution', () => {
    const demo = rule({ id: 'demo', activityType: 'demo_request', groupId: 'intent', halfLifeDays: 60 });
    const unsub = rule({ id: 'unsub', activityType: 'unsubscribe', points: -20, halfLifeDays: null });
    const { state } = applyAll(
      [engagement('e1', 'demo_request', 0), engagement('e2', 'unsubscribe', 1)],
      modelWith([demo, unsub], { groups: [{ id: 'intent', label: 'Intent', limit: 100 }] }),
    );
    expect(state.contributions.map((c) => [c.groupId, c.halfLifeDays])).toEqual([
      ['intent', 60],
      [null, null],
    ]);
  });
});
