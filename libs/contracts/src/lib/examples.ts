import { randomUUID } from 'node:crypto';
import type { EngagementInboundV1 } from './events/engagement-inbound.v1';
import type { EngagementRecordedV1 } from './events/engagement-recorded.v1';
import type { LeadMergedV1 } from './events/lead-merged.v1';
import type { LeadQualifiedV1 } from './events/lead-qualified.v1';
import type { LeadQualifiedV2 } from './events/lead-qualified.v2';
import type { LeadRoutedV1 } from './events/lead-routed.v1';
import type { LeadScoredV1 } from './events/lead-scored.v1';
import type { CrmOutcomeV1 } from './events/crm-outcome.v1';
import type { RepCapacityV1 } from './events/rep-capacity.v1';
import type { SalesActivityV1 } from './events/sales-activity.v1';
import type { TopicContract } from './topic-contract';
import type { Topics, TopicKey } from './topics';

/** The value type a topic contract carries, e.g. `EventOf<typeof Topics.leadScored>` is `LeadScoredV1`. */
export type EventOf<C> = C extends TopicContract<infer V, object> ? V : never;

/** Builds a valid event; `overrides` replace top-level fields (nested objects are replaced whole). */
export type ExampleBuilder<V> = (overrides?: Partial<V>) => V;

/** Fixed ids the examples share, so a test can build related events (qualified → routed → won) for one lead. */
export const EXAMPLE_IDS = Object.freeze({
  leadId: '6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
  otherLeadId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
  qualifiedEventId: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
  assignmentId: 'c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e7f',
  sourceId: 'hubspot-eu',
  repId: 'rep-0042',
  teamId: 'team-emea',
  periodId: '2026-Q1',
  anonymousId: 'anon-5d2f9c',
  userId: 'user-1234',
  emailHash: 'a3f1c9d2e8b7460f5a1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a6978',
});

const OCCURRED_AT = '2026-03-02T10:15:00.000Z';

// A fresh eventId per call: consumers de-duplicate by it, so two built events must never collide.
const envelope = () => ({
  eventId: randomUUID(),
  occurredAt: OCCURRED_AT,
  schemaVersion: 1 as const,
  correlationId: randomUUID(),
});

const engagementInbound: ExampleBuilder<EngagementInboundV1> = (overrides) => ({
  ...envelope(),
  sourceId: EXAMPLE_IDS.sourceId,
  type: 'pricing_page_view',
  identity: { anonymousId: EXAMPLE_IDS.anonymousId, email: 'ada@example.com' },
  properties: {
    url: 'https://example.com/pricing',
    utm: { source: 'newsletter', campaign: 'spring' },
  },
  ...overrides,
});

const engagementRecorded: ExampleBuilder<EngagementRecordedV1> = (overrides) => ({
  ...envelope(),
  leadId: EXAMPLE_IDS.leadId,
  sourceId: EXAMPLE_IDS.sourceId,
  type: 'pricing_page_view',
  properties: {
    url: 'https://example.com/pricing',
    tags: ['pricing', 'enterprise'],
  },
  identity: {
    anonymousId: EXAMPLE_IDS.anonymousId,
    emailHash: EXAMPLE_IDS.emailHash,
  },
  receivedAt: '2026-03-02T10:15:01.250Z',
  ...overrides,
});

const leadMerged: ExampleBuilder<LeadMergedV1> = (overrides) => ({
  ...envelope(),
  survivingLeadId: EXAMPLE_IDS.leadId,
  mergedLeadId: EXAMPLE_IDS.otherLeadId,
  reason: 'identify',
  ...overrides,
});

const leadScored: ExampleBuilder<LeadScoredV1> = (overrides) => ({
  ...envelope(),
  leadId: EXAMPLE_IDS.leadId,
  behaviourScore: 72,
  fitScore: 85,
  grade: 'A',
  lifecycleStage: 'mql',
  modelVersion: 'scoring-2026.03',
  topFactors: [
    { ruleId: 'pricing-page', label: 'Viewed the pricing page', points: 20 },
    { ruleId: 'inactivity-decay', label: 'Inactive for 30 days', points: -5 },
  ],
  ...overrides,
});

const leadQualified: ExampleBuilder<LeadQualifiedV1> = (overrides) => ({
  ...envelope(),
  leadId: EXAMPLE_IDS.leadId,
  behaviourScore: 72,
  fitScore: 85,
  grade: 'A',
  modelVersion: 'scoring-2026.03',
  qualifiedAt: '2026-03-02T10:15:02.000Z',
  profile: {
    country: 'DE',
    region: 'EMEA',
    industry: 'Software',
    employeeCount: 250,
    companyDomain: 'example.com',
  },
  ...overrides,
});

const leadQualifiedV2: ExampleBuilder<LeadQualifiedV2> = (overrides) => ({
  ...envelope(),
  schemaVersion: 2,
  leadId: EXAMPLE_IDS.leadId,
  behaviourScore: 72,
  fitScore: 85,
  grade: 'A',
  modelVersion: 'scoring-2026.03',
  qualifiedAt: '2026-03-02T10:15:02.000Z',
  profile: {
    country: 'DE',
    region: 'BY',
    postalCode: '80331',
    industry: 'Software',
    employeeCount: 250,
    company: 'Example GmbH',
    companyDomain: 'example.com',
    emailDomain: 'example.com',
    title: 'Head of Revenue Operations',
    seniority: 'director',
    productInterest: 'analytics',
    leadSource: 'webinar',
  },
  topFactors: [
    { ruleId: 'demo-request', label: 'Requested a demo', points: 40 },
    { ruleId: 'pricing-page', label: 'Viewed pricing', points: 15 },
  ],
  ...overrides,
});

const leadRouted: ExampleBuilder<LeadRoutedV1> = (overrides) => ({
  ...envelope(),
  leadId: EXAMPLE_IDS.leadId,
  qualificationId: EXAMPLE_IDS.qualifiedEventId,
  assignmentId: EXAMPLE_IDS.assignmentId,
  attempt: 1,
  trigger: 'qualified',
  repId: EXAMPLE_IDS.repId,
  teamId: EXAMPLE_IDS.teamId,
  poolId: 'emea-enterprise',
  ruleId: 'emea-enterprise',
  strategy: 'weighted_round_robin',
  path: 'rule_pool',
  reason: 'Rule emea-enterprise matched (country DE, 250 employees); weighted round robin picked rep-0042',
  slaDueAt: '2026-03-02T11:15:02.000Z',
  profile: {
    company: 'Example GmbH',
    companyDomain: 'example.com',
    title: 'Head of Revenue Operations',
    seniority: 'director',
    country: 'DE',
    employeeCount: 250,
    industry: 'Software',
  },
  behaviourScore: 72,
  grade: 'A',
  topFactors: [{ ruleId: 'demo-request', label: 'Requested a demo', points: 40 }],
  contactUrl: 'https://ingest.example.com/contacts/6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
  decisionTrace: [
    { step: 'rule', outcome: 'matched', detail: 'emea-enterprise: country DE in [DE, AT, CH]' },
    { step: 'eligibility', outcome: '3 of 4 eligible', detail: 'rep-0007 out of office' },
    { step: 'strategy', outcome: 'selected', detail: 'rep-0042 had the highest credit' },
  ],
  ...overrides,
});

const salesActivity: ExampleBuilder<SalesActivityV1> = (overrides) => ({
  ...envelope(),
  leadId: EXAMPLE_IDS.leadId,
  repId: EXAMPLE_IDS.repId,
  outcome: 'won',
  dealId: 'deal-7781',
  amount: 12500,
  currency: 'EUR',
  ...overrides,
});

const crmOutcome: ExampleBuilder<CrmOutcomeV1> = (overrides) => ({
  ...envelope(),
  outcome: 'amount_corrected',
  repId: EXAMPLE_IDS.repId,
  dealId: 'deal-7781',
  leadId: EXAMPLE_IDS.leadId,
  amount: 13000,
  currency: 'EUR',
  ...overrides,
});

const repCapacity: ExampleBuilder<RepCapacityV1> = (overrides) => ({
  ...envelope(),
  repId: EXAMPLE_IDS.repId,
  periodId: EXAMPLE_IDS.periodId,
  quotaAmount: 100000,
  attainedAmount: 12500,
  attainmentRatio: 0.125,
  paceGap: 4200,
  openLeads: 4,
  maxOpenLeads: 20,
  available: true,
  ...overrides,
});

/** One valid example per topic, named like `Topics` (e.g. `exampleEvents.leadScored()`), for any lib's tests. */
export const exampleEvents: {
  readonly [T in TopicKey]: ExampleBuilder<EventOf<(typeof Topics)[T]>>;
} = Object.freeze({
  engagementInbound,
  engagementRecorded,
  leadMerged,
  leadScored,
  leadQualified,
  leadQualifiedV2,
  leadRouted,
  salesActivity,
  crmOutcome,
  repCapacity,
});
