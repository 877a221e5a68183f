import { day, engagement } from '../testing/builders';
import { DEFAULT_SCORING_MODEL as model } from '../testing/default-model';
import { applyEngagement } from './behaviour/apply-engagement';
import type { Engagement } from './behaviour/engagement';
import { scoreInputOf, scoreLead } from './lead-score';
import { evaluateLifecycle } from './lifecycle/evaluate-lifecycle';
import type { LifecycleEvent } from './lifecycle/lifecycle.types';
import { createLeadState, type LeadState } from './state/lead-state';

/** What the scoring service does per event: apply, skip a duplicate, score as of processing time, run the lifecycle. */
function process(state: LeadState, event: Engagement, now: string): { state: LeadState; events: LifecycleEvent[] } {
  const { state: applied, duplicate } = applyEngagement(state, event, model, { recordedAt: now });
  if (duplicate) return { state, events: [] };
  const result = evaluateLifecycle(applied.lifecycle, scoreInputOf(scoreLead(applied, now, model)), model);
  return { state: { ...applied, lifecycle: result.lifecycle }, events: result.events };
}

describe('scoring a lead with the default model', () => {
  const journey = [
    engagement('e1', 'email_click', 0, {
      profile: { industry: 'Software', employeeCount: 300, seniority: 'vp', emailDomain: 'acme.com' },
    }),
    engagement('e2', 'webinar_attended', 2),
    engagement('e3', 'pricing_page_view', 3),
    engagement('e4', 'page_view', 3, { properties: { url: 'https://acme.example/pricing?plan=team' } }),
    engagement('e5', 'demo_request', 4),
    engagement('e6', 'pricing_page_view', 5),
  ];

  function run(events: Engagement[]) {
    let state = createLeadState('lead-1');
    const emitted: LifecycleEvent[] = [];
    let now = '';
    for (const event of events) {
      now = event.occurredAt > now ? event.occurredAt : now;
      const step = process(state, event, now);
      state = step.state;
      emitted.push(...step.events);
    }
    return { state, emitted };
  }

  it('qualifies exactly once when behaviour reaches 60 with grade A', () => {
    const { state, emitted } = run(journey);
    expect(emitted.filter((event) => event.type === 'qualified')).toEqual([
      expect.objectContaining({ at: day(4), grade: 'A', fitScore: 65, qualificationNumber: 1 }),
    ]);
    expect(state.lifecycle.stage).toBe('mql');
  });

  it('explains the score with its top factors', () => {
    const { state } = run(journey);
    const score = scoreLead(state, day(5), model);
    expect(score.behaviour.topFactors.map((factor) => factor.ruleId)).toEqual([
      'demo-request',
      'pricing-page',
      'webinar-attended',
      'pricing-url',
      'email-click',
    ]);
    expect(score.fit.factors.map((factor) => factor.ruleId)).toEqual(['fit-industry', 'fit-size-core', 'fit-senior']);
  });

  it('changes nothing when the same events are delivered again', () => {
    const once = run(journey);
    const twice = run([...journey, ...journey]);
    expect(twice.state).toEqual(once.state);
    expect(twice.emitted).toEqual(once.emitted);
  });

  it('keeps the state plain JSON, so a stored and reloaded state scores the same', () => {
    const { state } = run(journey);
    const reloaded = JSON.parse(JSON.stringify(state)) as LeadState;
    expect(reloaded).toEqual(state);
    expect(scoreLead(reloaded, day(20), model)).toEqual(scoreLead(state, day(20), model));
  });

  it('recycles the MQL once decay takes it below the cold threshold', () => {
    const { state } = run(journey);
    const cold = evaluateLifecycle(state.lifecycle, scoreInputOf(scoreLead(state, day(90), model)), model);
    expect(cold.lifecycle.stage).toBe('recycled');
  });

  it('keeps a free-mail lead below grade B however engaged it is', () => {
    const freeMail = journey.map((event, index) =>
      index === 0 ? { ...event, profile: { ...event.profile, emailDomain: 'gmail.com', seniority: 'manager' } } : event,
    );
    const { emitted } = run(freeMail);
    expect(emitted.some((event) => event.type === 'qualified')).toBe(false);
  });

  it('feeds scoreInputOf with the total, fit score, grade and time of the score', () => {
    const { state } = run(journey);
    const score = scoreLead(state, day(5), model);
    expect(scoreInputOf(score)).toEqual({
      kind: 'score',
      behaviour: score.behaviour.total,
      fitScore: 65,
      grade: 'A',
      at: day(5),
    });
  });
});
