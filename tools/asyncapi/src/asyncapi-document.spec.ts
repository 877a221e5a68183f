import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_TOPICS, DEAD_LETTER_TOPICS, exampleEvents, Topics, type TopicKey } from '@handoff/contracts';
import { ASYNCAPI_DOCUMENT_PATH, buildAsyncApiDocument, serializeAsyncApiDocument } from './asyncapi-document';
import type { JsonSchema } from './json-schema';
import { DocumentSchemas } from './schema-check';

const document = buildAsyncApiDocument();
const schemas = new DocumentSchemas(document);
const channels = Object.values(document.channels as Record<string, JsonSchema>);
const topicKeys = Object.keys(Topics) as TopicKey[];

const kafkaBindingOf = (channel: JsonSchema) =>
  (channel.bindings as { kafka: { partitions: number; topicConfiguration: Record<string, string[]> } }).kafka;
const channelOf = (topic: string): JsonSchema | undefined => channels.find((channel) => channel.address === topic);
const messagePointer = (topicKey: TopicKey): string => `#/components/messages/${Topics[topicKey].valueType.name}`;
const problemsOf = (topicKey: TopicKey, event: unknown): string[] =>
  schemas.problems(`${messagePointer(topicKey)}/payload`, event);

describe('the AsyncAPI document', () => {
  it('is committed as the contracts generate it (run npm run asyncapi after changing a contract)', () => {
    const committed = readFileSync(join(__dirname, '../../..', ASYNCAPI_DOCUMENT_PATH), 'utf8');
    expect(committed).toBe(serializeAsyncApiDocument(document));
  });

  it.each(ALL_TOPICS.map((topic) => [topic.name, topic] as const))(
    'has a channel for %s with its partitions and cleanup policy',
    (name, topic) => {
      const channel = channelOf(name);
      expect(channel).toBeDefined();
      expect(kafkaBindingOf(channel as JsonSchema)).toMatchObject({
        partitions: topic.partitions,
        topicConfiguration: { 'cleanup.policy': [topic.compacted ? 'compact' : 'delete'] },
      });
    },
  );

  it.each(DEAD_LETTER_TOPICS.map((topic) => [topic.name, topic] as const))(
    'has a channel for the dead letters %s',
    (name, topic) => {
      expect(kafkaBindingOf(channelOf(name) as JsonSchema)).toMatchObject({ partitions: topic.partitions });
    },
  );

  it.each(topicKeys)('has a producer and a consumer for %s', (topicKey) => {
    const operations = Object.values(document.operations as Record<string, JsonSchema>);
    const actionsOn = operations
      .filter((operation) => (operation.channel as JsonSchema).$ref === `#/channels/${topicKey}`)
      .map((operation) => operation.action);
    expect(actionsOn).toEqual(expect.arrayContaining(['send', 'receive']));
  });

  it.each(topicKeys)("accepts the %s example event and its key, as the contract's validation does", (topicKey) => {
    const event = exampleEvents[topicKey]();
    const key = (Topics[topicKey].keyOf as (value: unknown) => string)(event);
    expect(problemsOf(topicKey, JSON.parse(JSON.stringify(event)))).toEqual([]);
    expect(schemas.problems(`${messagePointer(topicKey)}/bindings/kafka/key`, key)).toEqual([]);
  });

  it.each([
    [
      'an unknown field',
      'leadScored',
      { ...exampleEvents.leadScored(), score: 3 },
      '/: must NOT have additional properties {"additionalProperty":"score"}',
    ],
    [
      'a missing field',
      'leadScored',
      { ...exampleEvents.leadScored(), leadId: undefined },
      "/: must have required property 'leadId'",
    ],
    [
      'a value outside the vocabulary',
      'leadQualified',
      { ...exampleEvents.leadQualified(), grade: 'E' },
      '/grade: must be equal to one of the allowed values',
    ],
    [
      'a nested factor without points',
      'leadScored',
      { ...exampleEvents.leadScored(), topFactors: [{ ruleId: 'r', label: 'l' }] },
      "/topFactors/0: must have required property 'points'",
    ],
    [
      'a custom type on a non-custom activity',
      'engagementRecorded',
      { ...exampleEvents.engagementRecorded(), customType: 'x' },
      '/: must NOT be valid',
    ],
    [
      'a custom activity without its type',
      'engagementRecorded',
      { ...exampleEvents.engagementRecorded(), type: 'custom' },
      "/: must have required property 'customType'",
    ],
    [
      'an identity with no identifier',
      'engagementInbound',
      { ...exampleEvents.engagementInbound(), identity: {} },
      '/identity: must match a schema in anyOf',
    ],
    [
      'an amount without a currency',
      'salesActivity',
      { ...exampleEvents.salesActivity(), currency: undefined },
      '/: must have property currency when property amount is present',
    ],
    [
      'a nested property object inside a nested one',
      'engagementRecorded',
      { ...exampleEvents.engagementRecorded(), properties: { a: { b: { c: 1 } } } },
      '/properties/a: must be string,number,boolean,null',
    ],
    [
      'a malformed timestamp',
      'leadRouted',
      { ...exampleEvents.leadRouted(), slaDueAt: 'tomorrow' },
      '/slaDueAt: must match format "date-time"',
    ],
  ] as const)('rejects %s, as the contract does', (_case, topicKey, event, expected) => {
    const problems = problemsOf(topicKey, JSON.parse(JSON.stringify(event)));
    expect(problems.join('\n')).toContain(expected);
  });
});
