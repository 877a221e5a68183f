import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleEvents } from '../examples';
import { ALL_TOPICS, DEAD_LETTER_TOPICS, Topics, type TopicKey } from '../topics';
import { ASYNCAPI_DOCUMENT_PATH, buildAsyncApiDocument, serializeAsyncApiDocument } from './asyncapi-document';
import type { JsonSchema } from './decorator-schemas';
import { schemaProblems } from './json-schema-check';

const document = buildAsyncApiDocument();
const channels = Object.values(document.channels as Record<string, JsonSchema>);
const messages = (document.components as { messages: Record<string, JsonSchema> }).messages;
const topicKeys = Object.keys(Topics) as TopicKey[];

const kafkaBindingOf = (channel: JsonSchema) =>
  (channel.bindings as { kafka: { partitions: number; topicConfiguration: Record<string, string[]> } }).kafka;
const channelOf = (topic: string): JsonSchema | undefined => channels.find((channel) => channel.address === topic);
const payloadOf = (topicKey: TopicKey): JsonSchema => messages[Topics[topicKey].valueType.name].payload as JsonSchema;
const problemsOf = (topicKey: TopicKey, event: unknown): string[] =>
  schemaProblems(event, payloadOf(topicKey), document);

describe('the AsyncAPI document', () => {
  it('is committed as the contracts generate it (run npm run asyncapi after changing a contract)', () => {
    const committed = readFileSync(join(__dirname, '../../../../..', ASYNCAPI_DOCUMENT_PATH), 'utf8');
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
    const topic = Topics[topicKey];
    const keySchema = (messages[topic.valueType.name].bindings as { kafka: { key: JsonSchema } }).kafka.key;
    expect(problemsOf(topicKey, JSON.parse(JSON.stringify(event)))).toEqual([]);
    expect(schemaProblems((topic.keyOf as (value: unknown) => string)(event), keySchema, document)).toEqual([]);
  });

  it.each([
    ['an unknown field', 'leadScored', { ...exampleEvents.leadScored(), score: 3 }, '$: has undeclared score'],
    ['a missing field', 'leadScored', { ...exampleEvents.leadScored(), leadId: undefined }, '$: misses leadId'],
    ['a value outside the vocabulary', 'leadQualified', { ...exampleEvents.leadQualified(), grade: 'E' }, '$.grade'],
    [
      'a nested factor without points',
      'leadScored',
      { ...exampleEvents.leadScored(), topFactors: [{ ruleId: 'r', label: 'l' }] },
      '$.topFactors[0]: misses points',
    ],
    [
      'a custom type on a non-custom activity',
      'engagementRecorded',
      { ...exampleEvents.engagementRecorded(), customType: 'x' },
      'forbidden',
    ],
    [
      'a custom activity without its type',
      'engagementRecorded',
      { ...exampleEvents.engagementRecorded(), type: 'custom' },
      'misses customType',
    ],
    [
      'an identity with no identifier',
      'engagementInbound',
      { ...exampleEvents.engagementInbound(), identity: {} },
      '$.identity',
    ],
    [
      'an amount without a currency',
      'salesActivity',
      { ...exampleEvents.salesActivity(), currency: undefined },
      'amount needs currency',
    ],
    [
      'a nested property object inside a nested one',
      'engagementRecorded',
      { ...exampleEvents.engagementRecorded(), properties: { a: { b: { c: 1 } } } },
      '$.properties',
    ],
    [
      'a malformed timestamp',
      'leadRouted',
      { ...exampleEvents.leadRouted(), slaDueAt: 'tomorrow' },
      '$.slaDueAt: must be a date-time',
    ],
  ] as const)('rejects %s, as the contract does', (_case, topicKey, event, expected) => {
    const problems = problemsOf(topicKey, JSON.parse(JSON.stringify(event)));
    expect(problems.join('\n')).toContain(expected);
  });
});
