import { day, engagement } from '../../testing/builders';
import { DEFAULT_SCORING_MODEL } from '../../testing/default-model';
import type { ScoringModel } from '../model/scoring-model.types';
import { backtest } from './backtest';
import type { LeadHistory } from './replay-lead';
import { replayLead } from './replay-lead';

const goodFit = { industry: 'software', employeeCount: 200, seniority: 'director' } as const;

const hot: LeadHistory = {
  leadId: 'hot',
  events: [
    { kind: 'engagement', engagement: engagement('h1', 'page_view', 0, { profile: goodFit }) },
    { kind: 'engagement', engagement: engagement('h2', 'demo_request', 1) },
    { kind: 'engagement', engagement: engagement('h3', 'trial_signup', 1) },
    { kind: 'engagement', engagement: engagement('h4', 'pricing_page_view', 2) },
  ],
};
const warm: LeadHistory = {
  leadId: 'warm',
  events: [
    { kind: 'engagement', engagement: engagement('w1', 'page_view', 0, { profile: goodFit }) },
    { kind: 'engagement', engagement: engagement('w2', 'webinar_attended', 1) },
    { kind: 'engagement', engagement: engagement('w3', 'pricing_page_view', 2) },
    { kind: 'engagement', engagement: engagement('w4', 'content_download', 2) },
    { kind: 'engagement', engagement: engagement('w5', 'email_click', 2) },
  ],
};
const won: LeadHistory = {
  leadId: 'won',
  events: [
    ...hot.events.map((event) =>
      event.kind === 'engagement'
        ? { ...event, engagement: { ...event.engagement, eventId: `won-${event.engagement.eventId}` } }
        : event,
    ),
    { kind: 'sales', eventId: 's1', occurredAt: day(3), outcome: 'accepted' },
    { kind: 'sales', eventId: 's2', occurredAt: day(9), outcome: 'won' },
  ],
};
const histories = [hot, warm, won];

/** The candidate lowers the bar from 60 to 30, which qualifies the warm lead as well. */
const candidate: ScoringModel = {
  ...DEFAULT_SCORING_MODEL,
  version: '2',
  qualification: { minBehaviour: 30, minGrade: 'B' },
  decayThresholds: { coldBelow: 10 },
};

describe('replayLead', () => {
  it('replays engagements and sales outcomes into the lifecycle', () => {
    const outcome = replayLead(won, DEFAULT_SCORING_MODEL, day(10));
    expect(outcome.state.lifecycle.stage).toBe('customer');
    expect(outcome.events.map((event) => (event.type === 'qualified' ? 'qualified' : event.to))).toEqual([
      'lead',
      'mql',
      'qualified',
      'sql',
      'customer',
    ]);
  });

  it('ignores events after the time asked for', () => {
    const outcome = replayLead(won, DEFAULT_SCORING_MODEL, day(5));
    expect(outcome.state.lifecycle.stage).toBe('sql');
  });

  it('qualifies a lead the rule would not once a prediction hook reports a probability above its threshold', () => {
    const seen: string[] = [];
    const outcome = replayLead(warm, DEFAULT_SCORING_MODEL, day(3), ({ engagement }) => {
      if (engagement) seen.push(engagement.eventId);
      return { probability: engagement?.eventId === 'w2' ? 0.9 : 0.1, qualifiesAt: 0.5 };
    });

    expect(replayLead(warm, DEFAULT_SCORING_MODEL, day(3)).events.some((e) => e.type === 'qualified')).toBe(false);
    expect(outcome.events).toContainEqual(expect.objectContaining({ type: 'qualified', at: day(1) }));
    expect(seen).toEqual(['w1', 'w2', 'w3', 'w4', 'w5']);
  });

  it('recycles a lead that went cold by the end of the replay', () => {
    const outcome = replayLead(hot, DEFAULT_SCORING_MODEL, day(120));
    expect(outcome.state.lifecycle).toMatchObject({ stage: 'recycled', reason: 'went_cold', since: day(120) });
  });
});

describe('backtest', () => {
  const at = day(10);

  it('reports qualification, stage changes and distribution for both models side by side', () => {
    const report = backtest(histories, candidate, DEFAULT_SCORING_MODEL, at);
    expect(report.at).toBe(at);
    expect(report.leads).toBe(3);
    expect(report.active).toMatchObject({
      modelId: 'default',
      modelVersion: '1',
      qualifiedLeads: 2,
      qualificationEvents: 2,
      stageChanges: 3 + 2 + 2,
      finalStages: { mql: 1, customer: 1, lead: 1 },
      grades: { A: 3, B: 0, C: 0, D: 0 },
    });
    expect(report.candidate).toMatchObject({
      modelVersion: '2',
      qualifiedLeads: 3,
      finalStages: { mql: 2, customer: 1, lead: 0 },
    });
    expect(report.active.distribution.map((bucket) => bucket.from)).toEqual(
      report.candidate.distribution.map((bucket) => bucket.from),
    );
    expect(report.active.distribution.reduce((total, bucket) => total + bucket.count, 0)).toBe(3);
  });

  it('lists the leads whose outcome differs between the models', () => {
    const report = backtest(histories, candidate, DEFAULT_SCORING_MODEL, at);
    expect(report.differences).toEqual([
      {
        leadId: 'warm',
        active: expect.objectContaining({ stage: 'lead', qualified: false, grade: 'A' }),
        candidate: expect.objectContaining({ stage: 'mql', qualified: true, grade: 'A' }),
      },
    ]);
    expect(report.differences[0].active.behaviour).toBeCloseTo(report.differences[0].candidate.behaviour, 10);
  });

  it('reports no differences for the same model', () => {
    expect(backtest(histories, DEFAULT_SCORING_MODEL, DEFAULT_SCORING_MODEL, at).differences).toEqual([]);
  });

  it('leaves the recorded histories and models byte-for-byte unchanged', () => {
    const before = JSON.stringify([histories, candidate, DEFAULT_SCORING_MODEL]);
    backtest(histories, candidate, DEFAULT_SCORING_MODEL, at);
    expect(JSON.stringify([histories, candidate, DEFAULT_SCORING_MODEL])).toBe(before);
  });
});
