import { randomUUID } from 'node:crypto';
import {
  exampleEvents,
  type EngagementRecordedV1,
  type LeadQualifiedV1,
  type LeadScoredV1,
  type RecordedProfileV1,
} from '@handoff/contracts';
import type { ActivityType } from '@handoff/shared-vocabulary';
import { DEFAULT_EXACT_HISTORY_DAYS, DAY_MS } from '@handoff/domain-scoring';
import type { NewOutboxMessage } from '@handoff/platform-database';
import { PoisonMessageError } from '@handoff/platform-kafka';
import { DEFAULT_SCORING_MODEL as model } from '../testing/default-model';
import { ScoringSession } from './scoring-session';
import type { SessionChanges, StoredLead } from './scoring-session.types';

const NOW = '2026-03-10T12:00:00.000Z';
const goodFit: RecordedProfileV1 = { industry: 'software', employeeCount: 300, seniority: 'vp', firstName: 'Ada' };

const engagement = (leadId: string, type: ActivityType, extra: Partial<EngagementRecordedV1> = {}) =>
  exampleEvents.engagementRecorded({ leadId, type, occurredAt: NOW, ...extra });

const published = <T>(changes: SessionChanges, topic: string): T[] =>
  changes.outbox
    .filter((message: NewOutboxMessage) => message.topic === topic)
    .map((message) => JSON.parse(message.value) as T);

/** Runs a session over fresh leads, then stores its result as the next session's starting point. */
function storedAfter(changes: SessionChanges): StoredLead[] {
  return changes.leads.map((lead) => ({ ...lead, snapshot: lead.snapshot }));
}

describe('ScoringSession', () => {
  const leadId = randomUUID();

  it('qualifies a lead exactly once and publishes its score with the top factors', () => {
    const session = new ScoringSession(model, NOW, []);
    session.engagement(engagement(leadId, 'demo_request', { profile: goodFit }));
    session.engagement(engagement(leadId, 'trial_signup'));
    session.engagement(engagement(leadId, 'pricing_page_view'));
    const changes = session.changes();

    const qualified = published<LeadQualifiedV1>(changes, 'lead.qualified.v1');
    expect(qualified).toHaveLength(1);
    expect(qualified[0]).toMatchObject({ leadId, behaviourScore: 70, fitScore: 65, grade: 'A', modelVersion: '1' });
    const [scored] = published<LeadScoredV1>(changes, 'lead.scored.v1');
    expect(scored).toMatchObject({ leadId, behaviourScore: 80, grade: 'A', lifecycleStage: 'mql' });
    expect(scored.topFactors.map((factor) => factor.ruleId)).toEqual(['demo-request', 'trial-signup', 'pricing-page']);
    expect(changes.ledger.map((row) => [row.leadId, row.ruleId, row.awarded])).toEqual([
      [leadId, 'demo-request', 40],
      [leadId, 'trial-signup', 30],
      [leadId, 'pricing-page', 10],
    ]);
    expect(changes.leads).toEqual([
      expect.objectContaining({
        leadId,
        version: 1,
        snapshot: { behaviour: 80, fitScore: 65, grade: 'A', stage: 'mql' },
      }),
    ]);
  });

  it('keeps only fit attributes of the profile, never names', () => {
    const session = new ScoringSession(model, NOW, []);
    session.engagement(engagement(leadId, 'page_view', { profile: goodFit }));
    const { leads, history } = session.changes();
    expect(leads[0].state.profile).toEqual({ industry: 'software', employeeCount: 300, seniority: 'vp' });
    expect(JSON.stringify(history)).not.toContain('Ada');
  });

  it('publishes nothing for an event that changes neither points, fit nor stage', () => {
    const first = new ScoringSession(model, NOW, []);
    first.engagement(engagement(leadId, 'email_click'));
    const second = new ScoringSession(model, NOW, storedAfter(first.changes()));
    second.engagement(engagement(leadId, 'email_open'));
    const changes = second.changes();
    expect(changes.outbox).toEqual([]);
    expect(changes.leads[0].version).toBe(2);
  });

  it('combines two leads on a merge and sends the merged lead’s later events to the survivor', () => {
    const survivor = randomUUID();
    const merged = randomUUID();
    const session = new ScoringSession(model, NOW, []);
    session.engagement(engagement(survivor, 'demo_request', { profile: goodFit }));
    session.engagement(engagement(merged, 'trial_signup'));
    session.merge(exampleEvents.leadMerged({ survivingLeadId: survivor, mergedLeadId: merged }));
    session.engagement(engagement(merged, 'pricing_page_view'));
    const changes = session.changes();

    const byId = new Map(changes.leads.map((lead) => [lead.leadId, lead]));
    expect(byId.get(survivor)?.snapshot).toMatchObject({ behaviour: 80, stage: 'mql' });
    expect(byId.get(merged)).toMatchObject({ mergedInto: survivor, coldAt: null });
    expect(changes.historyCopies).toEqual([{ fromLeadId: merged, toLeadId: survivor }]);
    expect(published<LeadQualifiedV1>(changes, 'lead.qualified.v1').map((event) => event.leadId)).toEqual([survivor]);
    expect(published<LeadScoredV1>(changes, 'lead.scored.v1').map((event) => event.leadId)).toEqual([survivor]);
  });

  it('records every stage change with its reason, a merge’s included, for the lead it happened to', () => {
    const [survivor, merged] = [randomUUID(), randomUUID()];
    const session = new ScoringSession(model, NOW, []);
    session.engagement(engagement(survivor, 'email_click'));
    session.engagement(engagement(merged, 'demo_request', { profile: goodFit }));
    session.engagement(engagement(merged, 'trial_signup'));
    session.merge(exampleEvents.leadMerged({ survivingLeadId: survivor, mergedLeadId: merged }));

    expect(session.changes().stageChanges).toEqual([
      { leadId: survivor, from: 'subscriber', to: 'lead', at: NOW, reason: 'engaged', detail: null },
      { leadId: merged, from: 'subscriber', to: 'lead', at: NOW, reason: 'engaged', detail: null },
      { leadId: merged, from: 'lead', to: 'mql', at: NOW, reason: 'qualified', detail: null },
      { leadId: survivor, from: 'lead', to: 'mql', at: NOW, reason: 'merged', detail: null },
    ]);
  });

  it('rejects as poison a merge of a lead that was already merged into another lead', () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const session = new ScoringSession(model, NOW, []);
    session.merge(exampleEvents.leadMerged({ survivingLeadId: a, mergedLeadId: b }));
    expect(() => session.merge(exampleEvents.leadMerged({ survivingLeadId: c, mergedLeadId: b }))).toThrow(
      PoisonMessageError,
    );
    expect(() => session.merge(exampleEvents.leadMerged({ survivingLeadId: a, mergedLeadId: b }))).not.toThrow();
  });

  it('makes a qualified lead a customer when the deal is won, and ignores a win for an unqualified lead', () => {
    const first = new ScoringSession(model, NOW, []);
    first.engagement(engagement(leadId, 'demo_request', { profile: goodFit }));
    first.engagement(engagement(leadId, 'trial_signup'));
    const session = new ScoringSession(model, NOW, storedAfter(first.changes()));
    expect(session.sales(exampleEvents.salesActivity({ leadId, outcome: 'won' }))).toBeNull();
    expect(session.sales(exampleEvents.salesActivity({ leadId: randomUUID(), outcome: 'won' }))).toMatch(/needs stage/);
    const changes = session.changes();
    expect(changes.leads.map((lead) => [lead.leadId, lead.snapshot.stage])).toEqual([[leadId, 'customer']]);
    expect(published<LeadScoredV1>(changes, 'lead.scored.v1')[0].lifecycleStage).toBe('customer');
    expect(changes.history.map((row) => row.kind)).toEqual(['sales', 'sales']);
  });

  it('schedules an MQL for the decay sweep and recycles it once its score has decayed below coldBelow', () => {
    const first = new ScoringSession(model, NOW, []);
    first.engagement(engagement(leadId, 'demo_request', { profile: goodFit }));
    first.engagement(engagement(leadId, 'trial_signup'));
    const [mql] = first.changes().leads;
    expect(mql.coldAt).not.toBeNull();
    const coldAt = mql.coldAt as string;

    const sweep = new ScoringSession(model, coldAt, [mql]);
    sweep.recheck(leadId, randomUUID());
    const changes = sweep.changes();
    expect(changes.leads[0]).toMatchObject({ snapshot: { stage: 'recycled' }, coldAt: null });
    expect(published<LeadScoredV1>(changes, 'lead.scored.v1')[0]).toMatchObject({ lifecycleStage: 'recycled' });
  });

  it('writes each lead compacted: contributions older than the exact-history horizon are folded', () => {
    const longAgo = new Date(Date.parse(NOW) - 200 * DAY_MS).toISOString();
    const first = new ScoringSession(model, longAgo, []);
    first.engagement(engagement(leadId, 'email_click', { occurredAt: longAgo }));
    const [stored] = first.changes().leads;
    expect(stored.state.contributions).toHaveLength(1);

    const session = new ScoringSession(model, NOW, [stored]);
    session.engagement(engagement(leadId, 'pricing_page_view'));
    const [lead] = session.changes().leads;
    expect(lead.state.contributions.map((contribution) => contribution.ruleId)).toEqual(['pricing-page']);
    expect(lead.state.folded).toMatchObject({
      exactFrom: new Date(Date.parse(NOW) - DEFAULT_EXACT_HISTORY_DAYS * DAY_MS).toISOString(),
      rules: [{ ruleId: 'email-click', awardedMagnitude: 3 }],
    });
  });

  it('keeps contributions one by one for the configured exact-history days', () => {
    const sixtyDaysAgo = new Date(Date.parse(NOW) - 60 * DAY_MS).toISOString();
    const writtenWith = (exactHistoryDays?: number) => {
      const session = new ScoringSession(model, NOW, [], exactHistoryDays);
      session.engagement(engagement(leadId, 'email_click', { occurredAt: sixtyDaysAgo }));
      session.engagement(engagement(leadId, 'pricing_page_view'));
      return session.changes().leads[0].state;
    };

    expect(writtenWith().contributions.map((contribution) => contribution.ruleId)).toEqual([
      'email-click',
      'pricing-page',
    ]);
    const shorter = writtenWith(30);
    expect(shorter.contributions.map((contribution) => contribution.ruleId)).toEqual(['pricing-page']);
    expect(shorter.folded?.exactFrom).toBe(new Date(Date.parse(NOW) - 30 * DAY_MS).toISOString());
  });
});
