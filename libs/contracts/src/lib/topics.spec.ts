import { EngagementRecordedV1 } from './events/engagement-recorded.v1';
import { InboundKey, LeadKey, RepKey } from './keys';
import {
  ALL_TOPICS,
  DEAD_LETTER_TOPICS,
  LEAD_TOPIC_PARTITIONS,
  TOPIC_NAME_PATTERN,
  Topics,
  defineTopic,
  topicByName,
} from './topics';

const leadKeyedTopics = ALL_TOPICS.filter((topic) => topic.keyType === LeadKey);

describe('topics', () => {
  it('defines the ten topics under unique <context>.<event>.v<N> names', () => {
    const names = ALL_TOPICS.map((topic) => topic.name);

    expect(names).toEqual([
      'engagement.inbound.v1',
      'engagement.recorded.v1',
      'lead.merged.v1',
      'lead.scored.v1',
      'lead.qualified.v1',
      'lead.qualified.v2',
      'lead.routed.v1',
      'sales.activity.v1',
      'sales.crm_outcome.v1',
      'rep.capacity.v1',
    ]);
    expect(new Set(names).size).toBe(names.length);
    names.forEach((name) => expect(name).toMatch(TOPIC_NAME_PATTERN));
  });

  it('gives every lead-keyed topic the same partition count, so they are co-partitioned by lead', () => {
    expect(leadKeyedTopics).toHaveLength(7);
    leadKeyedTopics.forEach((topic) => expect(topic.partitions).toBe(LEAD_TOPIC_PARTITIONS));
  });

  it('compacts only rep.capacity.v1, keyed by rep', () => {
    expect(ALL_TOPICS.filter((topic) => topic.compacted)).toEqual([Topics.repCapacity]);
    expect(Topics.repCapacity.keyType).toBe(RepKey);
  });

  it('pairs every topic with a <topic>.dlq dead-letter topic of 1 to 3 partitions', () => {
    expect(DEAD_LETTER_TOPICS.map((dlq) => dlq.source)).toEqual(ALL_TOPICS.map((topic) => topic.name));
    DEAD_LETTER_TOPICS.forEach((dlq) => {
      expect(dlq.name).toBe(`${dlq.source}.dlq`);
      expect(dlq.partitions).toBeGreaterThanOrEqual(1);
      expect(dlq.partitions).toBeLessThanOrEqual(3);
    });
    expect(DEAD_LETTER_TOPICS[1]).toEqual({
      name: 'engagement.recorded.v1.dlq',
      partitions: 3,
      source: 'engagement.recorded.v1',
    });
  });

  it('finds a contract by topic name and nothing for other names', () => {
    ALL_TOPICS.forEach((topic) => expect(topicByName(topic.name)).toBe(topic));
    expect(topicByName('engagement.recorded.v1.dlq')).toBeUndefined();
    expect(topicByName('engagement.recorded.v2')).toBeUndefined();
  });

  it.each([
    [
      'lead',
      Topics.leadScored,
      '6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
      LeadKey,
      { leadId: '6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b' },
    ],
    ['rep', Topics.repCapacity, 'rep-1', RepKey, { repId: 'rep-1' }],
    ['identity', Topics.engagementInbound, 'anon-1', InboundKey, { identity: 'anon-1' }],
  ])('parses a %s key from the wire into its key class', (_kind, contract, rawKey, keyType, expected) => {
    const key = contract.parseKey(rawKey);

    expect(key).toBeInstanceOf(keyType);
    expect(key).toEqual(expected);
  });

  it.each([
    ['a name without a version', 'engagement.recorded', 3],
    ['a name with upper-case letters', 'Engagement.recorded.v1', 3],
    ['zero partitions', 'engagement.recorded.v1', 0],
    ['a fractional partition count', 'engagement.recorded.v1', 1.5],
  ])('refuses to define a topic with %s', (_description, name, partitions) => {
    const definition = {
      name,
      partitions,
      valueType: EngagementRecordedV1,
      keyType: LeadKey,
      keyOf: (event: EngagementRecordedV1) => event.leadId,
      parseKey: (rawKey: string) => Object.assign(new LeadKey(), { leadId: rawKey }),
    };

    expect(() => defineTopic(definition)).toThrow(/Topic/);
  });
});
