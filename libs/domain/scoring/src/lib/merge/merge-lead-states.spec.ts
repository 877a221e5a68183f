import type { LifecycleStage } from '@handoff/shared-vocabulary';
import { applyAll, awardsOf, day, engagement, modelWith, rule } from '../../testing/builders';
import { behaviourScoreAt } from '../behaviour/behaviour-score';
import { compactLeadState } from '../compaction/compact-lead-state';
import { createLeadState, type LeadState } from '../state/lead-state';
import { mergeLeadStates } from './merge-lead-states';

const model = modelWith([
  rule({ id: 'demo', activityType: 'demo_request', points: 40, frequency: 'once_per_lead' }),
  rule({ id: 'click', activityType: 'email_click', points: 3, window: { days: 7, maxPoints: 6 } }),
  rule({ id: 'webinar', activityType: 'webinar_attended', points: 15, maxPoints: 30 }),
]);
const options = { causeEventId: 'merge-1', recordedAt: day(10) };

const lead = (leadId: string, events: Parameters<typeof applyAll>[0], stage: LifecycleStage = 'lead'): LeadState =>
  applyAll(events, model, createLeadState(leadId, stage)).state;

describe('mergeLeadStates', () => {
  it("combines both leads' contributions under the surviving lead id", () => {
    const surviving = lead('s', [engagement('s1', 'webinar_attended', 1)]);
    const merged = lead('m', [engagement('m1', 'demo_request', 2)]);
    const result = mergeLeadStates(surviving, merged, model, options);
    expect(result.state.leadId).toBe('s');
    expect(awardsOf(result.state)).toEqual({ 's1/webinar': 15, 'm1/demo': 40 });
    expect(result.ledger).toEqual([
      expect.objectContaining({
        kind: 'merged',
        eventId: 'm1',
        awarded: 40,
        previousAwarded: 0,
        causeEventId: 'merge-1',
        mergedFromLeadId: 'm',
        recordedAt: day(10),
      }),
    ]);
  });

  it('keeps an event both leads hold only once', () => {
    const shared = engagement('shared', 'webinar_attended', 1);
    const result = mergeLeadStates(lead('s', [shared]), lead('m', [shared]), model, options);
    expect(result.state.contributions).toHaveLength(1);
    expect(result.ledger).toEqual([]);
  });

  it('re-applies once-per-lead rules: the earliest event keeps the award', () => {
    const surviving = lead('s', [engagement('s-demo', 'demo_request', 5)]);
    const merged = lead('m', [engagement('m-demo', 'demo_request', 2)]);
    const result = mergeLeadStates(surviving, merged, model, options);
    expect(awardsOf(result.state)).toEqual({ 'm-demo/demo': 40, 's-demo/demo': 0 });
    expect(result.ledger).toEqual([
      expect.objectContaining({ kind: 'merged', eventId: 'm-demo', awarded: 40 }),
      expect.objectContaining({
        kind: 'adjusted',
        eventId: 's-demo',
        previousAwarded: 40,
        awarded: 0,
        cap: 'once_per_lead',
      }),
    ]);
  });

  it('re-applies rule and window caps over the combined history', () => {
    const surviving = lead('s', [
      engagement('s-w1', 'webinar_attended', 1),
      engagement('s-w2', 'webinar_attended', 3),
      engagement('s-c1', 'email_click', 4),
    ]);
    const merged = lead('m', [
      engagement('m-w1', 'webinar_attended', 2),
      engagement('m-c1', 'email_click', 3),
      engagement('m-c2', 'email_click', 3.5),
    ]);
    const result = mergeLeadStates(surviving, merged, model, options);
    expect(awardsOf(result.state)).toEqual({
      's-w1/webinar': 15,
      'm-w1/webinar': 15,
      'm-c1/click': 3,
      's-w2/webinar': 0,
      'm-c2/click': 3,
      's-c1/click': 0,
    });
  });

  it("keeps the survivor's profile and fills its gaps from the merged lead", () => {
    const surviving = {
      ...lead('s', []),
      profile: { industry: 'software', traits: { plan: 'pro' } },
      profileAsOf: day(1),
    };
    const merged = {
      ...lead('m', []),
      profile: { industry: 'retail', country: 'DE', traits: { plan: 'free', seats: 5 } },
      profileAsOf: day(3),
    };
    const result = mergeLeadStates(surviving, merged, model, options);
    expect(result.state.profile).toEqual({ industry: 'software', country: 'DE', traits: { plan: 'pro', seats: 5 } });
    expect(result.state.profileAsOf).toBe(day(3));
  });

  it.each<[LifecycleStage, LifecycleStage, LifecycleStage]>([
    ['lead', 'mql', 'mql'],
    ['mql', 'lead', 'mql'],
    ['recycled', 'lead', 'recycled'],
    ['sql', 'customer', 'customer'],
    ['lead', 'disqualified', 'disqualified'],
    ['disqualified', 'sql', 'sql'],
    ['subscriber', 'subscriber', 'subscriber'],
  ])('merging a %s survivor with a %s gives the more advanced stage, %s', (survivorStage, mergedStage, expected) => {
    const result = mergeLeadStates(lead('s', [], survivorStage), lead('m', [], mergedStage), model, options);
    expect(result.state.lifecycle.stage).toBe(expected);
  });

  it("emits a stage change when the survivor takes the merged lead's stage", () => {
    const merged = {
      ...lead('m', [], 'mql'),
      lifecycle: { ...lead('m', [], 'mql').lifecycle, qualificationCount: 1, lastQualifiedAt: day(2) },
    };
    const result = mergeLeadStates(lead('s', [], 'lead'), merged, model, options);
    expect(result.events).toEqual([
      { type: 'stage_changed', from: 'lead', to: 'mql', at: day(10), reason: 'merged', detail: null },
    ]);
    expect(result.state.lifecycle).toMatchObject({ qualificationCount: 1, lastQualifiedAt: day(2) });
  });

  it('leaves both input states untouched', () => {
    const surviving = lead('s', [engagement('s-demo', 'demo_request', 5)]);
    const merged = lead('m', [engagement('m-demo', 'demo_request', 2)]);
    const before = JSON.stringify([surviving, merged]);
    mergeLeadStates(surviving, merged, model, options);
    expect(JSON.stringify([surviving, merged])).toBe(before);
  });

  describe('compacted leads', () => {
    const compacted = (leadId: string, events: Parameters<typeof applyAll>[0], horizonDay: number): LeadState =>
      compactLeadState(lead(leadId, events), model, day(horizonDay));

    it("adds both leads' folded histories at the later horizon, giving the uncompacted score from there", () => {
      const survivorEvents = [engagement('s-w1', 'webinar_attended', 1)];
      const mergedEvents = [engagement('m-w2', 'webinar_attended', 2)];
      const result = mergeLeadStates(
        compacted('s', survivorEvents, 100),
        compacted('m', mergedEvents, 120),
        model,
        options,
      );
      expect(result.state.folded).toEqual({
        exactFrom: day(120),
        rules: [
          {
            ruleId: 'webinar',
            first: { eventId: 's-w1', occurredAt: day(1) },
            awardedMagnitude: 30,
            points: [
              {
                groupId: null,
                halfLifeDays: 30,
                value: expect.closeTo(15 * 0.5 ** (119 / 30) + 15 * 0.5 ** (118 / 30), 12),
              },
            ],
          },
        ],
      });
      const full = mergeLeadStates(lead('s', survivorEvents), lead('m', mergedEvents), model, options).state;
      for (const at of [120, 200]) {
        expect(behaviourScoreAt(result.state, day(at), model).total).toBeCloseTo(
          behaviourScoreAt(full, day(at), model).total,
          12,
        );
      }
    });

    it("re-caps the survivor's stored contributions against the merged lead's folded awards", () => {
      const surviving = lead('s', [
        engagement('s-w150', 'webinar_attended', 150),
        engagement('s-w151', 'webinar_attended', 151),
      ]);
      const result = mergeLeadStates(
        surviving,
        compacted('m', [engagement('m-w2', 'webinar_attended', 2)], 100),
        model,
        options,
      );
      expect(awardsOf(result.state)).toEqual({ 's-w150/webinar': 15, 's-w151/webinar': 0 });
      expect(result.ledger).toEqual([
        expect.objectContaining({
          kind: 'adjusted',
          eventId: 's-w151',
          previousAwarded: 15,
          awarded: 0,
          cap: 'rule_cap',
        }),
      ]);
    });

    it("caps the merged lead's contributions against the survivor's folded awards", () => {
      const surviving = compacted(
        's',
        [engagement('s-w1', 'webinar_attended', 1), engagement('s-w2', 'webinar_attended', 2)],
        100,
      );
      const result = mergeLeadStates(
        surviving,
        lead('m', [engagement('m-w150', 'webinar_attended', 150)]),
        model,
        options,
      );
      expect(result.state.contributions).toEqual([
        expect.objectContaining({ eventId: 'm-w150', awarded: 0, cap: 'rule_cap' }),
      ]);
    });

    it('keeps one once-per-lead award, the earliest, as without compaction', () => {
      const surviving = compacted(
        's',
        [engagement('s-d5', 'demo_request', 5), engagement('s-d6', 'demo_request', 6)],
        100,
      );
      const merged = compacted(
        'm',
        [engagement('m-d2', 'demo_request', 2), engagement('m-d3', 'demo_request', 3)],
        100,
      );
      const result = mergeLeadStates(surviving, merged, model, options);
      expect(awardsOf(result.state)).toEqual({ 'm-d2/demo': 40, 's-d5/demo': 0 });
      expect(result.state.folded?.rules).toEqual([
        { ruleId: 'demo', first: { eventId: 'm-d3', occurredAt: day(3) }, awardedMagnitude: 0, points: [] },
      ]);
    });
  });
});
