import { ContractViolationError } from './contract-violation.error';
import { BODY_FIELD, KEY_FIELD, decodeEvent, decodeEventJson, decodeMessage, encodeEvent } from './event-codec';
import { exampleEvents } from './examples';
import { REMOVE, expectIssue, withField } from '../testing/violations';
import { Topics, type TopicKey } from './topics';
import type { TopicContract } from './topic-contract';

// Rules every contract shares (envelope, strictness, keys); each event's own fields are covered beside it.
const contracts = (Object.keys(Topics) as TopicKey[]).map((topicKey) => ({
  topicKey,
  contract: Topics[topicKey] as TopicContract,
  example: () => exampleEvents[topicKey]() as object,
}));

type EnvelopeCase = [description: string, path: string, value: unknown, field: string, reason: RegExp];

const envelopeCases: EnvelopeCase[] = [
  ['a missing eventId', 'eventId', REMOVE, 'eventId', /^eventId must be a UUID$/],
  ['an eventId that is not a uuid', 'eventId', 'evt-1', 'eventId', /^eventId must be a UUID$/],
  [
    'a missing occurredAt',
    'occurredAt',
    REMOVE,
    'occurredAt',
    /^occurredAt must be an RFC 3339 date-time with a time zone, e.g. /,
  ],
  [
    'an occurredAt that is not a date',
    'occurredAt',
    'yesterday',
    'occurredAt',
    /^occurredAt must be an RFC 3339 date-time with a time zone, e.g. /,
  ],
  ['an impossible occurredAt', 'occurredAt', '2026-02-30T10:00:00Z', 'occurredAt', /must be a real calendar date/],
  // The issue's rows: ISO 8601 forms that JavaScript cannot parse, and dates outside the window.
  ['a basic-format occurredAt', 'occurredAt', '20240101', 'occurredAt', /^occurredAt must be an RFC 3339 date-time/],
  ['a week-date occurredAt', 'occurredAt', '2024-W05', 'occurredAt', /^occurredAt must be an RFC 3339 date-time/],
  ['a date-only occurredAt', 'occurredAt', '2024-01-31', 'occurredAt', /^occurredAt must be an RFC 3339 date-time/],
  ['an occurredAt without a zone', 'occurredAt', '2024-01-31T10:00:00', 'occurredAt', /with a time zone/],
  ['an occurredAt in 9999', 'occurredAt', '9999-12-31T00:00:00Z', 'occurredAt', /not be more than 24 hours in/],
  ['an occurredAt before 2000', 'occurredAt', '1999-12-31T23:59:59Z', 'occurredAt', /must not be before 2000-01-01/],
  ['a NUL in correlationId', 'correlationId', 'a\u0000b', 'correlationId', /^correlationId must not contain the NUL/],
  ['a lone surrogate in correlationId', 'correlationId', 'a\ud800', 'correlationId', /must not contain a lone UTF-16/],
  ['a constructor key', 'constructor', { polluted: true }, 'constructor', /^constructor is a reserved key/],
  ['an empty correlationId', 'correlationId', '', 'correlationId', /^correlationId should not be empty$/],
  ['an unknown extra field', 'colour', 'blue', 'colour', /^property colour should not exist$/],
];

describe.each(contracts)('$contract.name', ({ contract, example }) => {
  it('accepts the shared example and returns an instance of the value class', () => {
    const event = example();

    const decoded = decodeEvent(contract, event);

    expect(decoded).toBeInstanceOf(contract.valueType);
    expect(JSON.parse(JSON.stringify(decoded))).toEqual(event);
  });

  it('encodes to the key consumers partition by and JSON that decodes back to the same event', () => {
    const event = example();

    const encoded = encodeEvent(contract, event as never);
    const decoded = decodeMessage(contract, Buffer.from(encoded.key), Buffer.from(encoded.value));

    expect(encoded.key).toBe(contract.keyOf(event as never));
    expect(decoded.key).toBeInstanceOf(contract.keyType);
    expect(JSON.parse(JSON.stringify(decoded.value))).toEqual(event);
  });

  it.each(envelopeCases)('rejects %s, naming the field', (_description, path, value, field, reason) => {
    expectIssue(() => decodeEvent(contract, withField(example(), path, value)), field, reason);
  });

  it("rejects another schema version or the topic's own sent as a string, naming the field", () => {
    const version = Number(/\.v(\d+)$/.exec(contract.name)?.[1]);
    const mustEqual = new RegExp(`^schemaVersion must be equal to ${version}$`);

    expectIssue(
      () => decodeEvent(contract, withField(example(), 'schemaVersion', version + 1)),
      'schemaVersion',
      mustEqual,
    );
    expectIssue(
      () => decodeEvent(contract, withField(example(), 'schemaVersion', `${version}`)),
      'schemaVersion',
      mustEqual,
    );
  });

  it('refuses to encode an invalid event, so it can never be published', () => {
    const invalid = withField(example(), 'eventId', 'not-a-uuid');

    expectIssue(() => encodeEvent(contract, invalid as never), 'eventId', /must be a UUID/);
  });

  it('rejects a message published under a key that does not match its value', () => {
    const encoded = encodeEvent(contract, example() as never);
    const otherKey = contract.name === Topics.repCapacity.name ? 'rep-other' : '0f0e0d0c-0b0a-4908-8706-050403020100';

    expectIssue(() => decodeMessage(contract, otherKey, encoded.value), KEY_FIELD, /does not match the key derived/);
  });

  it('rejects a message without a key', () => {
    const encoded = encodeEvent(contract, example() as never);

    expectIssue(() => decodeMessage(contract, null, encoded.value), KEY_FIELD, /^message key is missing$/);
  });

  it('rejects a value that is not JSON, with the topic as subject', () => {
    const violation = expectIssue(() => decodeEventJson(contract, '{"eventId":'), BODY_FIELD, /not valid JSON/);

    expect(violation).toBeInstanceOf(ContractViolationError);
    expect(violation.subject).toBe(contract.name);
  });
});
