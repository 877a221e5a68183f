import { applyAll, day, engagement, modelWith, rule } from '../../testing/builders';
import { applyEngagement } from '../behaviour/apply-engagement';
import { behaviourScoreAt, type BehaviourScore } from '../behaviour/behaviour-score';
import type { Engagement } from '../behaviour/engagement';
import { behaviourDropsBelowAt } from '../behaviour/threshold-crossing';
import type { ScoringModel } from '../model/scoring-model.types';
import { createLeadState, type LeadState } from '../state/lead-state';
import { DAY_MS } from '../time';
import { compactionHorizon, compactLeadState, DEFAULT_EXACT_HISTORY_DAYS } from './compact-lead-state';

const model = modelWith(
  [
    rule({ id: 'page', points: 10, groupId: 'engagement' }),
    rule({ id: 'pricing', activityType: 'pricing_page_view', points: 20, groupId: 'intent' }),
    rule({ id: 'trial', activityType: 'trial_signup', points: 5, halfLifeDays: null }),
    rule({ id: 'bounce', activityType: 'email_bounce', points: -4, halfLifeDays: 10, groupId: 'engagement' }),
    rule({ id: 'unsub', activityType: 'unsubscribe', points: -10, halfLifeDays: null }),
  ],
  {
    groups: [
      { id: 'engagement', label: 'Engagement', limit: 25 },
      { id: 'intent', label: 'Intent', limit: 30 },
    ],
    totalLimit: 40,
  },
);

const TYPES = ['page_view', 'pricing_page_view', 'trial_signup', 'email_bounce', 'unsubscribe'];

/** A deterministic mixed history: one event every `everyDays`, cycling through the model's activity types. */
function history(count: number, everyDays: number): Engagement[] {
  return Array.from({ length: count }, (_, index) =>
    engagement(`e${index}`, TYPES[(index * 7) % TYPES.length], index * everyDays),
  );
}

/** As the service does: each event applied, then the lead compacted when written at that event's time. */
function applyCompacting(events: Engagement[], scoringModel: ScoringModel, exactDays: number): LeadState {
  let state = createLeadState('lead-1');
  for (const event of events) {
    state = applyEngagement(state, event, scoringModel).state;
    state = compactLeadState(state, scoringModel, compactionHorizon(event.occurredAt, exactDays));
  }
  return state;
}

/** Every figure of a behaviour score, so two reads can be compared to a tolerance. */
function figures(score: BehaviourScore): number[] {
  const groups = Object.values(score.byGroup).flatMap((group) => [group.earned, group.penalties, group.score]);
  return [score.total, score.uncappedTotal, score.ungrouped, ...groups, ...score.topFactors.map((f) => f.points)];
}

function expectSameScore(compacted: LeadState, full: LeadState, at: string): void {
  const expected = behaviourScoreAt(full, at, model);
  const actual = behaviourScoreAt(compacted, at, model);
  expect(actual.topFactors.map((factor) => factor.ruleId)).toEqual(expected.topFactors.map((factor) => factor.ruleId));
  figures(actual).forEach((value, index) => expect(value).toBeCloseTo(figures(expected)[index], 9));
}

describe('compactLeadState', () => {
  it('folds a decaying contribution into its value at the horizon and decays it from there', () => {
    const { state } = applyAll([engagement('e1', 'page_view', 0)], model);
    const compacted = compactLeadState(state, model, day(30));
    expect(compacted.contributions).toEqual([]);
    expect(compacted.folded).toEqual({
      exactFrom: day(30),
      rules: [
        {
          ruleId: 'page',
          first: { eventId: 'e1', occurredAt: day(0) },
          awardedMagnitude: 10,
          points: [{ groupId: 'engagement', halfLifeDays: 30, value: 5 }],
        },
      ],
    });
    expect(behaviourScoreAt(compacted, day(60), model).total).toBeCloseTo(2.5, 12);
  });

  it('folds contributions that never decay into their exact sum, whatever their age', () => {
    const events = [engagement('t1', 'trial_signup', 0), engagement('t2', 'trial_signup', 1)];
    const compacted = compactLeadState(applyAll(events, model).state, model, day(5000));
    expect(compacted.folded?.rules[0].points).toEqual([{ groupId: null, halfLifeDays: null, value: 10 }]);
    expect(behaviourScoreAt(compacted, day(9000), model).total).toBe(10);
  });

  it("keeps a group's penalties apart from its earned points, so the group limit still caps only the earned", () => {
    const events = ['p1', 'p2', 'p3'].map((id) => engagement(id, 'page_view', 0));
    const lead = applyAll([...events, engagement('b1', 'email_bounce', 0)], model).state;
    const compacted = compactLeadState(lead, model, day(1));
    const values = compacted.folded?.rules.flatMap((folded) => folded.points.map((points) => points.value));
    expect(values).toEqual([expect.closeTo(-4 * 0.5 ** (1 / 10), 12), expect.closeTo(30 * 0.5 ** (1 / 30), 12)]);
    expect(behaviourScoreAt(compacted, day(1), model).byGroup['engagement'].score).toBeCloseTo(
      25 - 4 * 0.5 ** (1 / 10),
      12,
    );
  });

  it('gives the uncompacted score, groups and factors at any instant from the horizon on', () => {
    const events = history(60, 2);
    const full = applyAll(events, model).state;
    const compacted = compactLeadState(full, model, day(100));
    for (const at of [100, 100.5, 118, 130, 400, 2000]) expectSameScore(compacted, full, day(at));
  });

  it('stays exact when compacted at every write, as the service does', () => {
    const events = history(400, 0.5);
    const full = applyAll(events, model).state;
    const compacted = applyCompacting(events, model, 30);
    expect(compacted.folded?.exactFrom).toBe(day(199.5 - 30));
    for (const at of [169.5, 175, 199.5, 250, 1000]) expectSameScore(compacted, full, day(at));
  });

  it('counts folded points at their horizon value when read before the horizon (the ledger has the exact past)', () => {
    const { state } = applyAll([engagement('e1', 'page_view', 0)], model);
    const compacted = compactLeadState(state, model, day(30));
    expect(behaviourScoreAt(compacted, day(10), model).total).toBe(5);
  });

  it('keeps contributions from the horizon on, so the state grows with recent activity only', () => {
    const compacted = applyCompacting(history(2000, 0.5), model, 30);
    expect(compacted.contributions.length).toBeLessThanOrEqual(61);
    expect(compacted.folded?.rules.map((folded) => folded.ruleId).sort()).toEqual([
      'bounce',
      'page',
      'pricing',
      'trial',
      'unsub',
    ]);
  });

  it('returns the state as it is when nothing is older than the horizon', () => {
    const { state } = applyAll([engagement('e1', 'page_view', 10)], model);
    expect(compactLeadState(state, model, day(10))).toBe(state);
  });

  it('never moves the horizon back', () => {
    const { state } = applyAll([engagement('e1', 'page_view', 0), engagement('e2', 'page_view', 20)], model);
    const compacted = compactLeadState(state, model, day(30));
    const again = compactLeadState(compacted, model, day(10));
    expect(again).toBe(compacted);
    expect(again.folded?.exactFrom).toBe(day(30));
  });

  it('revalues what it folded before when it folds more at a later horizon', () => {
    const first = compactLeadState(applyAll([engagement('e1', 'page_view', 0)], model).state, model, day(30));
    const later = applyAll([engagement('e2', 'page_view', 40)], model, first).state;
    const compacted = compactLeadState(later, model, day(70));
    expect(compacted.folded?.exactFrom).toBe(day(70));
    expect(compacted.folded?.rules[0].points[0].value).toBeCloseTo(10 * 0.5 ** (70 / 30) + 10 * 0.5 ** (30 / 30), 12);
    expect(compacted.folded?.rules[0].awardedMagnitude).toBe(20);
  });

  it('loads and compacts a state stored before compaction existed (no folded field)', () => {
    const stored = JSON.parse(JSON.stringify(applyAll(history(10, 1), model).state)) as LeadState;
    expect('folded' in stored).toBe(false);
    const next = applyEngagement(stored, engagement('new', 'page_view', 200), model).state;
    const compacted = compactLeadState(next, model, compactionHorizon(day(200)));
    expect(compacted.contributions.map((contribution) => contribution.eventId)).toEqual(['new']);
    expect(compacted.folded?.exactFrom).toBe(
      new Date(Date.parse(day(200)) - DEFAULT_EXACT_HISTORY_DAYS * DAY_MS).toISOString(),
    );
    expectSameScore(compacted, next, day(200));
  });

  it('finds the same cold-at instant as the uncompacted state', () => {
    const events = history(60, 2);
    const full = applyAll(events, model).state;
    const compacted = compactLeadState(full, model, day(100));
    const coldAt = behaviourDropsBelowAt(full, 15, day(118), model);
    expect(coldAt).not.toBeNull();
    expect(behaviourDropsBelowAt(compacted, 15, day(118), model)).toBe(coldAt);
  });
});
