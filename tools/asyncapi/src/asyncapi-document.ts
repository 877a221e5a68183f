import {
  DEAD_LETTER_TOPICS,
  PAYLOAD_STRUCTURE_LIMITS,
  PROTOTYPE_KEYS,
  Topics,
  type TopicContract,
  type TopicKey,
} from '@handoff/contracts';
import { ClassSchemas } from './class-schemas';
import { schemaRef, type JsonSchema } from './json-schema';
import {
  DEAD_LETTER_HEADERS,
  EVENT_HEADERS,
  SERVICES,
  TRACE_HEADERS,
  TOPIC_DOCUMENTATION,
  type Party,
  type TopicDocumentation,
} from './topic-documentation';

export type AsyncApiDocument = JsonSchema;

const KAFKA_BINDING_VERSION = '0.5.0';
const EVENT_HEADERS_SCHEMA = 'EventHeaders';
const DEAD_LETTER_HEADERS_SCHEMA = 'DeadLetterHeaders';

interface ChannelSpec {
  id: string;
  topic: string;
  partitions: number;
  compacted: boolean;
  description: string;
  messageId: string;
}

/** Everything a channel, its message and its operations need, gathered while walking the topics. */
class DocumentParts {
  readonly channels: Record<string, JsonSchema> = {};
  readonly messages: Record<string, JsonSchema> = {};
  readonly operations: Record<string, JsonSchema> = {};

  addChannel(spec: ChannelSpec, message: JsonSchema): void {
    this.messages[spec.messageId] = message;
    this.channels[spec.id] = {
      address: spec.topic,
      description: spec.description,
      messages: { [spec.messageId]: { $ref: `#/components/messages/${spec.messageId}` } },
      bindings: {
        kafka: {
          topic: spec.topic,
          partitions: spec.partitions,
          topicConfiguration: { 'cleanup.policy': [spec.compacted ? 'compact' : 'delete'] },
          bindingVersion: KAFKA_BINDING_VERSION,
        },
      },
    };
  }

  addOperations(spec: ChannelSpec, action: 'send' | 'receive', parties: readonly Party[]): void {
    for (const party of parties) {
      this.operations[`${party}-${action}s-${spec.id}`] = {
        action,
        channel: { $ref: `#/channels/${spec.id}` },
        messages: [{ $ref: `#/channels/${spec.id}/messages/${spec.messageId}` }],
        summary: `${party} ${action}s ${spec.topic}`,
        tags: [{ name: party }],
      };
    }
  }
}

function eventMessage(topic: TopicContract, docs: TopicDocumentation, schemas: ClassSchemas): JsonSchema {
  const key = schemas.onlyPropertyOf(topic.keyType);
  return {
    name: topic.valueType.name,
    title: `${topic.name} event`,
    summary: docs.description,
    contentType: 'application/json',
    headers: schemaRef(EVENT_HEADERS_SCHEMA),
    payload: schemas.refOf(topic.valueType),
    bindings: {
      kafka: {
        key: { ...key.schema, description: `the ${docs.key} (${topic.keyType.name}.${key.property})` },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

function deadLetterMessage(topic: TopicContract, messageId: string): JsonSchema {
  return {
    name: messageId,
    title: `${topic.name} dead letter`,
    summary: `A ${topic.name} record that could not be processed, kept byte for byte so it can be replayed.`,
    contentType: 'application/octet-stream',
    headers: schemaRef(DEAD_LETTER_HEADERS_SCHEMA),
    payload: {
      description: `The original value bytes, unchanged: normally a ${topic.valueType.name} as JSON, but whatever failed to decode or validate.`,
    },
    bindings: {
      kafka: {
        key: { type: 'string', description: "the original record's key, unchanged" },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

const describedStrings = (headers: Readonly<Record<string, string>>): Record<string, JsonSchema> =>
  Object.fromEntries(Object.entries(headers).map(([name, description]) => [name, { type: 'string', description }]));

function headerSchemas(): Record<string, JsonSchema> {
  return {
    [EVENT_HEADERS_SCHEMA]: {
      type: 'object',
      description: "Written by Handoff's producers; producers outside Handoff may omit them.",
      properties: { ...describedStrings(EVENT_HEADERS), ...describedStrings(TRACE_HEADERS) },
    },
    [DEAD_LETTER_HEADERS_SCHEMA]: {
      type: 'object',
      description: "The original record's headers, unchanged, plus why and where it failed.",
      properties: describedStrings(DEAD_LETTER_HEADERS),
      required: Object.keys(DEAD_LETTER_HEADERS),
      additionalProperties: { type: 'string' },
    },
  };
}

function deadLetterTopicOf(topic: TopicContract) {
  const deadLetters = DEAD_LETTER_TOPICS.find((candidate) => candidate.source === topic.name);
  if (!deadLetters) throw new Error(`${topic.name} has no dead-letter topic`);
  return deadLetters;
}

function addTopic(parts: DocumentParts, topicKey: TopicKey, schemas: ClassSchemas): void {
  const topic: TopicContract = Topics[topicKey];
  const docs = TOPIC_DOCUMENTATION[topicKey];
  const events: ChannelSpec = {
    id: topicKey,
    topic: topic.name,
    partitions: topic.partitions,
    compacted: topic.compacted,
    description: docs.description,
    messageId: topic.valueType.name,
  };
  parts.addChannel(events, eventMessage(topic, docs, schemas));
  parts.addOperations(events, 'send', docs.producers);
  parts.addOperations(events, 'receive', docs.consumers);

  const deadLetters = deadLetterTopicOf(topic);
  const dlq: ChannelSpec = {
    id: `${topicKey}DeadLetters`,
    topic: deadLetters.name,
    partitions: deadLetters.partitions,
    compacted: false,
    description: `Records of ${topic.name} that could not be processed, with the reason in headers.`,
    messageId: `${topic.valueType.name}DeadLetter`,
  };
  parts.addChannel(dlq, deadLetterMessage(topic, dlq.messageId));
  // Handoff's consumers dead-letter what they cannot process; consumers outside Handoff have their own ways.
  const services: readonly Party[] = SERVICES;
  parts.addOperations(
    dlq,
    'send',
    docs.consumers.filter((party) => services.includes(party)),
  );
}

// Rules of every payload that JSON Schema cannot state per property (libs/contracts validation/payload-structure.ts).
const STRUCTURE_RULES =
  `Every payload: no string or key holds NUL (U+0000) or a lone UTF-16 surrogate, no key is ${[...PROTOTYPE_KEYS].join(', ')}, ` +
  `and objects and arrays nest at most ${PAYLOAD_STRUCTURE_LIMITS.maxDepth} levels deep.`;

/**
 * The AsyncAPI 3.0 document of every topic in `Topics` and its dead-letter companion, built from the topic
 * definitions and the event classes' validation rules. `npm run asyncapi` writes it to libs/contracts/asyncapi.json.
 */
export function buildAsyncApiDocument(): AsyncApiDocument {
  const schemas = new ClassSchemas();
  const parts = new DocumentParts();
  for (const topicKey of Object.keys(Topics) as TopicKey[]) addTopic(parts, topicKey, schemas);
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Handoff events',
      version: '1.0.0',
      description:
        'Every Kafka topic Handoff defines (libs/contracts/src/lib/topics.ts) and its dead-letter companion, generated ' +
        'from the contracts by `npm run asyncapi`. A breaking change is a new topic version (….v2), never an edit. ' +
        STRUCTURE_RULES,
    },
    defaultContentType: 'application/json',
    channels: parts.channels,
    operations: parts.operations,
    components: {
      messages: parts.messages,
      schemas: { ...schemas.components(), ...headerSchemas() },
    },
  };
}

/** Where the generated document is committed, relative to the workspace root. */
export const ASYNCAPI_DOCUMENT_PATH = 'libs/contracts/asyncapi.json';

/** The document as committed: two-space JSON with a final newline, so the file and a fresh build compare as text. */
export const serializeAsyncApiDocument = (document: AsyncApiDocument): string =>
  `${JSON.stringify(document, null, 2)}\n`;
