import { applyAll, awardsOf, day, engagement, modelWith, rule } from '../../testing/builders';
import { applyEngagement } from '../behaviour/apply-engagement';
import { behaviourScoreAt } from '../behaviour/behaviour-score';
import type { Engagement } from '../behaviour/engagement';
import type { LeadState } from '../state/lead-state';
import { compactLeadState } from './compact-lead-state';

const model = modelWith([
  rule({ id: 'demo', activityType: 'demo_request', points: 40, frequency: 'once_per_lead' }),
  rule({ id: 'unsub', activityType: 'unsubscribe', points: -20, frequency: 'once_per_lead', halfLifeDays: null }),
  rule({ id: 'webinar', activityType: 'webinar_attended', points: 15, maxPoints: 30 }),
  rule({ id: 'click', activityType: 'email_click', points: 3, window: { days: 7, maxPoints: 6 } }),
]);

/** The lead after `events`, compacted at `horizonDay`: the uncompacted state is `applyAll(events, model).state`. */
const compacted = (events: Engagement[], horizonDay: number): LeadState =>
  compactLeadState(applyAll(events, model).state, model, day(horizonDay));

const apply = (state: LeadState, event: Engagement) => applyEngagement(state, event, model);

describe('caps after compaction', () => {
  describe('once per lead', () => {
    const demos = [engagement('d0', 'demo_request', 0), engagement('d10', 'demo_request', 10)];

    it('keeps the award however old and folds the later matches, so a second award stays blocked', () => {
      const state = compacted([...demos, engagement('d20', 'demo_request', 20)], 100);
      expect(awardsOf(state)).toEqual({ 'd0/demo': 40 });
      expect(state.folded?.rules).toEqual([
        { ruleId: 'demo', first: { eventId: 'd10', occurredAt: day(10) }, awardedMagnitude: 0, points: [] },
      ]);
      const again = apply(state, engagement('d150', 'demo_request', 150));
      expect(again.state.contributions[1]).toMatchObject({ eventId: 'd150', awarded: 0, cap: 'once_per_lead' });
    });

    it('moves the award to a late event that happened before it, exactly as without compaction', () => {
      const late = engagement('d-5', 'demo_request', -5);
      const result = apply(compacted(demos, 100), late);
      expect(awardsOf(result.state)).toEqual({ 'd-5/demo': 40, 'd0/demo': 0 });
      expect(result.ledger).toEqual([
        expect.objectContaining({ kind: 'awarded', eventId: 'd-5', awarded: 40 }),
        expect.objectContaining({ kind: 'adjusted', eventId: 'd0', previousAwarded: 40, awarded: 0 }),
      ]);
      const full = applyAll([...demos, late], model).state;
      expect(behaviourScoreAt(result.state, day(150), model).total).toBeCloseTo(
        behaviourScoreAt(full, day(150), model).total,
        12,
      );
    });

    it('keeps a penalty that never decays, so it is never dropped', () => {
      const state = compacted([engagement('u0', 'unsubscribe', 0), engagement('u5', 'unsubscribe', 5)], 1000);
      expect(awardsOf(state)).toEqual({ 'u0/unsub': -20 });
      expect(behaviourScoreAt(state, day(5000), model).total).toBe(-20);
    });

    it('awards nothing after a folded match of a rule that became once per lead later', () => {
      const repeatable = modelWith([rule({ id: 'demo', activityType: 'demo_request', points: 40 })]);
      const state = compactLeadState(applyAll(demos, repeatable).state, repeatable, day(100));
      expect(state.contributions).toEqual([]);
      const next = apply(state, engagement('d150', 'demo_request', 150));
      expect(next.state.contributions[0]).toMatchObject({ awarded: 0, cap: 'once_per_lead' });
    });
  });

  describe('lifetime maxPoints', () => {
    it('counts folded awards', () => {
      const state = compacted([engagement('w0', 'webinar_attended', 0)], 100);
      expect(state.folded?.rules[0]).toMatchObject({ ruleId: 'webinar', awardedMagnitude: 15 });
      const first = apply(state, engagement('w150', 'webinar_attended', 150)).state;
      const second = apply(first, engagement('w151', 'webinar_attended', 151)).state;
      expect(awardsOf(second)).toEqual({ 'w150/webinar': 15, 'w151/webinar': 0 });
      expect(second.contributions[1].cap).toBe('rule_cap');
    });
  });

  describe('window caps', () => {
    const clicks = [engagement('c85', 'email_click', 85), engagement('c94', 'email_click', 94)];

    it('keeps the contributions within one window before the horizon, so a window never reaches a folded one', () => {
      const state = compacted([...clicks, engagement('c95', 'email_click', 95)], 100);
      expect(awardsOf(state)).toEqual({ 'c94/click': 3, 'c95/click': 3 });
      const next = apply(state, engagement('c100.5', 'email_click', 100.5));
      expect(next.state.contributions[2]).toMatchObject({ awarded: 0, cap: 'window_cap' });
    });
  });

  describe('late events', () => {
    it('caps a late event at or after the horizon exactly as if it had arrived in order', () => {
      const inOrder = [engagement('c100.5', 'email_click', 100.5), engagement('c102', 'email_click', 102)];
      const late = engagement('c101', 'email_click', 101);
      const state = compacted([engagement('c80', 'email_click', 80), ...inOrder], 100);
      const result = apply(state, late);
      expect(awardsOf(result.state)).toEqual({ 'c100.5/click': 3, 'c101/click': 3, 'c102/click': 0 });
      expect(result.ledger.map((entry) => [entry.kind, entry.eventId, entry.awarded])).toEqual([
        ['awarded', 'c101', 3],
        ['adjusted', 'c102', 0],
      ]);
    });

    it('caps a late event older than the horizon against the folded awards, as if it came after them', () => {
      const webinars = [engagement('w10', 'webinar_attended', 10), engagement('w20', 'webinar_attended', 20)];
      const result = apply(compacted(webinars, 100), engagement('w5', 'webinar_attended', 5));
      expect(result.state.contributions).toEqual([
        expect.objectContaining({ eventId: 'w5', awarded: 0, cap: 'rule_cap' }),
      ]);
      expect(result.ledger).toEqual([expect.objectContaining({ kind: 'awarded', eventId: 'w5', awarded: 0 })]);
      // Without compaction w5 would take 15 and w20 would lose its award: folded awards are not re-capped.
      expect(awardsOf(applyAll([...webinars, engagement('w5', 'webinar_attended', 5)], model).state)).toEqual({
        'w5/webinar': 15,
        'w10/webinar': 15,
        'w20/webinar': 0,
      });
    });

    it("measures a late event older than the horizon's window against stored contributions only", () => {
      const folded = [engagement('c50', 'email_click', 50), engagement('c51', 'email_click', 51)];
      const result = apply(compacted(folded, 100), engagement('c52', 'email_click', 52));
      expect(awardsOf(result.state)).toEqual({ 'c52/click': 3 });
      expect(awardsOf(applyAll([...folded, engagement('c52', 'email_click', 52)], model).state)['c52/click']).toBe(0);
    });

    it('folds a late event at the next compaction like any other', () => {
      const state = apply(
        compacted([engagement('w10', 'webinar_attended', 10)], 100),
        engagement('w5', 'webinar_attended', 5),
      );
      const again = compactLeadState(state.state, model, day(100));
      expect(again.contributions).toEqual([]);
      expect(again.folded?.rules[0]).toMatchObject({
        first: { eventId: 'w5', occurredAt: day(5) },
        awardedMagnitude: 30,
      });
    });
  });
});
