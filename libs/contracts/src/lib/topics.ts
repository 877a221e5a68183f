import type { EventEnvelope } from './envelope';
import { EngagementInboundV1, inboundKeyOf } from './events/engagement-inbound.v1';
import { EngagementRecordedV1 } from './events/engagement-recorded.v1';
import { LeadMergedV1 } from './events/lead-merged.v1';
import { LeadQualifiedV1 } from './events/lead-qualified.v1';
import { LeadQualifiedV2 } from './events/lead-qualified.v2';
import { LeadRoutedV1 } from './events/lead-routed.v1';
import { LeadScoredV1 } from './events/lead-scored.v1';
import { CrmOutcomeV1 } from './events/crm-outcome.v1';
import { RepCapacityV1 } from './events/rep-capacity.v1';
import { SalesActivityV1 } from './events/sales-activity.v1';
import { InboundKey, LeadKey, RepKey } from './keys';
import { dlqNameOf, type DeadLetterTopic, type TopicContract } from './topic-contract';

export const TOPIC_NAME_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+\.v[1-9][0-9]*$/;

/**
 * Every topic keyed by lead id has the same partition count so the topics are co-partitioned: one consumer
 * instance owns all of a lead's engagements, merges, qualifications and sales outcomes.
 */
export const LEAD_TOPIC_PARTITIONS = 6;

export type TopicDefinition<V extends EventEnvelope, K extends object> = Omit<TopicContract<V, K>, 'compacted'> & {
  compacted?: boolean;
};

/** Checks a topic definition once at load time, so a typo in a name or partition count fails every test. */
export function defineTopic<V extends EventEnvelope, K extends object>(
  definition: TopicDefinition<V, K>,
): TopicContract<V, K> {
  if (!TOPIC_NAME_PATTERN.test(definition.name)) {
    throw new Error(`Topic name ${definition.name} does not follow <context>.<event>.v<N>`);
  }
  if (!Number.isInteger(definition.partitions) || definition.partitions < 1) {
    throw new Error(`Topic ${definition.name} needs a positive integer partition count`);
  }
  return Object.freeze({
    ...definition,
    compacted: definition.compacted ?? false,
  });
}

const leadKeyFromWire = (rawKey: string): LeadKey => Object.assign(new LeadKey(), { leadId: rawKey });
const repKeyFromWire = (rawKey: string): RepKey => Object.assign(new RepKey(), { repId: rawKey });
const inboundKeyFromWire = (rawKey: string): InboundKey => Object.assign(new InboundKey(), { identity: rawKey });

const leadKeyed = {
  partitions: LEAD_TOPIC_PARTITIONS,
  keyType: LeadKey,
  parseKey: leadKeyFromWire,
} as const;

export const Topics = {
  engagementInbound: defineTopic({
    name: 'engagement.inbound.v1',
    partitions: 6,
    valueType: EngagementInboundV1,
    keyType: InboundKey,
    keyOf: inboundKeyOf,
    parseKey: inboundKeyFromWire,
  }),
  engagementRecorded: defineTopic({
    name: 'engagement.recorded.v1',
    valueType: EngagementRecordedV1,
    keyOf: (event: EngagementRecordedV1) => event.leadId,
    ...leadKeyed,
  }),
  leadMerged: defineTopic({
    name: 'lead.merged.v1',
    valueType: LeadMergedV1,
    keyOf: (event: LeadMergedV1) => event.survivingLeadId,
    ...leadKeyed,
  }),
  leadScored: defineTopic({
    name: 'lead.scored.v1',
    valueType: LeadScoredV1,
    keyOf: (event: LeadScoredV1) => event.leadId,
    ...leadKeyed,
  }),
  leadQualified: defineTopic({
    name: 'lead.qualified.v1',
    valueType: LeadQualifiedV1,
    keyOf: (event: LeadQualifiedV1) => event.leadId,
    ...leadKeyed,
  }),
  leadQualifiedV2: defineTopic({
    name: 'lead.qualified.v2',
    valueType: LeadQualifiedV2,
    keyOf: (event: LeadQualifiedV2) => event.leadId,
    ...leadKeyed,
  }),
  leadRouted: defineTopic({
    name: 'lead.routed.v1',
    valueType: LeadRoutedV1,
    keyOf: (event: LeadRoutedV1) => event.leadId,
    ...leadKeyed,
  }),
  salesActivity: defineTopic({
    name: 'sales.activity.v1',
    valueType: SalesActivityV1,
    keyOf: (event: SalesActivityV1) => event.leadId,
    ...leadKeyed,
  }),
  crmOutcome: defineTopic({
    name: 'sales.crm_outcome.v1',
    partitions: 6,
    valueType: CrmOutcomeV1,
    keyType: RepKey,
    keyOf: (event: CrmOutcomeV1) => event.repId,
    parseKey: repKeyFromWire,
  }),
  repCapacity: defineTopic({
    name: 'rep.capacity.v1',
    partitions: 3,
    compacted: true,
    valueType: RepCapacityV1,
    keyType: RepKey,
    keyOf: (event: RepCapacityV1) => event.repId,
    parseKey: repKeyFromWire,
  }),
} as const;

export type TopicKey = keyof typeof Topics;

export const ALL_TOPICS: readonly TopicContract[] = Object.freeze(Object.values(Topics));

/** Dead letters are rare, so a few partitions suffice; they are never compacted, every failure is kept. */
const deadLetterPartitionsFor = (partitions: number): number => (partitions >= LEAD_TOPIC_PARTITIONS ? 3 : 1);

export const DEAD_LETTER_TOPICS: readonly DeadLetterTopic[] = Object.freeze(
  ALL_TOPICS.map((topic) =>
    Object.freeze({
      name: dlqNameOf(topic.name),
      partitions: deadLetterPartitionsFor(topic.partitions),
      source: topic.name,
    }),
  ),
);

const topicsByName: ReadonlyMap<string, TopicContract> = new Map(ALL_TOPICS.map((topic) => [topic.name, topic]));

/** The contract of a topic, or undefined for a name no contract defines (e.g. a DLQ or a test topic). */
export function topicByName(name: string): TopicContract | undefined {
  return topicsByName.get(name);
}
